/**
 * Where JSON.parse stopped, as a 1-based line and column: its error gives only a character
 * position (or, at the end of the input, none), which is no help in a file edited by hand.
 */
export function jsonErrorAt(text: string, error: unknown): { line: number; column: number } | null {
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : /end of JSON input/.test(message) ? text.length : null;
  if (at === null) return null;
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
