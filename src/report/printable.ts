// Text from the input (subjects, header values, file names, quoted lines)
// reaches terminals through the human-facing outputs. A raw ESC or BEL there
// is a terminal-escape injection: such characters are shown as `\xHH`
// instead. JSON and SARIF keep them, escaped as JSON escapes them.

// C0 controls but tab and newline, DEL, and C1 controls (0x9b is a CSI to some terminals).
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
