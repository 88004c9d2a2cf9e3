// Every regular expression literal of src/ and rules/, found with the
// TypeScript parser: what the ReDoS audit (test/robust/redos.test.ts) checks.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  /** `src/x.ts:12` */
  where: string;
  source: string;
  flags: string;
}

const ROOT = join(import.meta.dirname, '../..');

export function regexLiterals(dirs = ['src', 'rules']): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(join(ROOT, dir), { recursive: true }) as string[]) {
      if (!name.endsWith('.ts')) continue;
      const path = join(ROOT, dir, name);
      const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(file);
          const end = text.lastIndexOf('/');
          const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
          found.push({ where: `${relative(ROOT, path)}:${line + 1}`, source: text.slice(1, end), flags: text.slice(end + 1) });
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }
  return found;
}
