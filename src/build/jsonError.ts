/**
 * Where JSON.parse stopped, as a 1-based line and column: its error gives at most a character
 * position, no help in a file edited by hand; at the end of the input it gives none, and for a
 * short text V8 quotes the text instead (then null: the quote says where).
 */
export function jsonErrorAt(text: string, error: unknown): { line: number; column: number } | null {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : /end of JSON input/.test(message) ? text.length : null;
  if (at === null) return null;
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
