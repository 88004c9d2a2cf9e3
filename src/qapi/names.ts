// QAPI names: what scripts/qapi/expr.py accepts (`check_name_*`, RULES.md
// §2.3) and how scripts/qapi/common.py maps them to C (`c_name`,
// `camel_to_upper`, `c_enum_const`, §2.4), which the migration rules need to
// find `MIGRATION_CAPABILITY_LOCAL_TAP` and `migrate_local_tap()`.
import type { DefinitionMeta } from './model.js';

// common.py c_name(): C keywords and names system headers pollute get a `q_`.
const C_WORDS = new Set(
  [
    // C89
    'auto break case char const continue default do double else enum extern float for goto if int long register return short signed sizeof static struct switch typedef union unsigned void volatile while',
    // C99, C11, GCC
    'inline restrict _Bool _Complex _Imaginary _Alignas _Alignof _Atomic _Generic _Noreturn _Static_assert _Thread_local asm typeof',
    // C++
    'and and_eq bitand bitor bool catch class compl const_cast delete dynamic_cast explicit false friend mutable namespace new not not_eq operator or or_eq private protected public reinterpret_cast static_cast template this throw true try typeid typename using virtual wchar_t xor xor_eq',
    // polluted by system headers
    'unix errno mips sparc i386 linux',
  ]
    .join(' ')
    .split(' '),
);

/** common.py c_name(): `local-tap` -> `local_tap`; with `protect`, C keywords get `q_`. */
export function cName(name: string, protect = true): string {
  const c = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (protect && (C_WORDS.has(c) || /^\d/.test(c))) return `q_${c}`;
  return c;
}

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isAlnum = (ch: string | undefined) => !!ch && /[A-Za-z0-9]/.test(ch);

/** common.py camel_to_upper(): `MigrationCapability` -> `MIGRATION_CAPABILITY`, `ENUMName` -> `ENUM_NAME`. */
export function camelToUpper(value: string): string {
  if (!value) return value;
  let ret = value[0]!;
  let upc = isUpper(value[0]!);
  for (const ch of value.slice(1)) {
    if (isUpper(ch) !== upc) {
      if (upc) {
        // A run of capitals followed by a lowercase letter: `_` before the last capital.
        if (ret.length > 2 && isAlnum(ret[ret.length - 2])) ret = `${ret.slice(0, -1)}_${ret[ret.length - 1]}`;
      } else if (isAlnum(ret[ret.length - 1])) {
        ret += '_';
      }
    }
    ret += ch;
    upc = isUpper(ch);
  }
  return cName(ret.toUpperCase(), false).replace(/^_+/, '');
}

/** common.py c_enum_const(): an enum's `prefix` is used as written instead of the mangled type name. */
export function cEnumConst(typeName: string, value: string, prefix?: string): string {
  return `${prefix ?? camelToUpper(typeName)}_${cName(value, false).toUpperCase()}`;
}

// expr.py: "(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)$", case-insensitive.
const VALID_NAME = /^(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)$/i;

/** What a name is, for the messages (`member 'x' of struct Foo` is QEMU's; we say less). */
export type NameKind = DefinitionMeta | 'member' | 'argument' | 'value' | 'branch' | 'feature';

export interface NameProblem {
  message: string;
  /** A pragma (`command-name-exceptions`, `member-name-exceptions`) may allow it. */
  waivable: boolean;
}

/**
 * The first rule of expr.py's `check_name_*` and `check_defn_name_str` that
 * `name` breaks, or undefined.
 */
export function nameProblem(name: string, kind: NameKind): NameProblem | undefined {
  // Enum values may start with a digit (check_name_lower with enum_member).
  const match = VALID_NAME.exec(kind === 'value' && /^\d/.test(name) ? `d${name}` : name);
  if (!match || cName(name, false).startsWith('q_')) return { message: `${kind} '${name}' has an invalid name`, waivable: false };
  const stem = match[3]!;
  switch (kind) {
    case 'event':
      if (/[a-z-]/.test(stem)) return { message: `name of event '${name}' must not use lowercase or '-'`, waivable: false };
      break;
    case 'command':
    case 'member':
    case 'argument':
    case 'value':
    case 'branch':
      if (/[A-Z]/.test(stem) || stem.includes('_')) return { message: `name of ${kind} '${name}' must not use uppercase or '_'`, waivable: true };
      break;
    case 'enum':
    case 'struct':
    case 'union':
    case 'alternate':
      if (!/^[A-Z][A-Z0-9]*[a-z][A-Za-z0-9]*$/.test(stem)) return { message: `name of ${kind} '${name}' must use CamelCase`, waivable: false };
      break;
    case 'feature':
      break;
  }
  if (kind !== 'member' && kind !== 'argument' && kind !== 'value' && kind !== 'branch' && kind !== 'feature' && name.endsWith('List')) {
    return { message: `${kind} name '${name}' should not end in 'List'`, waivable: false };
  }
  // Members named `u` or `has_*` would clash with generated C.
  if ((kind === 'member' || kind === 'argument' || kind === 'branch') && (cName(name, false) === 'u' || cName(name, false).startsWith('has_'))) {
    return { message: `${kind} '${name}' uses reserved name`, waivable: false };
  }
  return undefined;
}
