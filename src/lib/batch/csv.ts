/**
 * Every CSV the project writes goes through here, so that it is safe to open in Excel (OWASP "CSV
 * injection"): a cell that a spreadsheet would read as a formula — starting with = + - @ (or their
 * full-width forms, which Excel also accepts) once it has trimmed leading spaces, TAB and CR, or
 * starting with TAB or CR itself — gets a leading single quote, so it shows as the text it is.
 * A cell that is just a number (-1500, 4200000) stays a number.
 *
 * Quoting is RFC 4180, written here rather than with Papa.unparse: `screen` writes ~31 lines of 11
 * cells per household, millions of cells, and one test per cell is a tenth of the run's time less
 * (tests read every file back with papaparse).
 */

/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
export const BOM = '\uFEFF';

const FORMULA = /^(?:[\t\r]|[ \t\r\n]*[=+\-@＝＋－＠])/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A cell's text, neutralised if a spreadsheet would run it. */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return FORMULA.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** Cells that need quotes: a comma, quote or line break, a BOM, or spaces at either end (as papaparse quotes). */
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

const quoted = (text: string) => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One cell as it is written in a line: made safe, quoted if need be. */
export const csvCell = (value: unknown): string => quoted(safeCell(value));

/** Rows as CSV lines (CRLF, each line ended), every cell made safe. */
export function csvLines(rows: unknown[][]): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i += 1) text += (i === 0 ? '' : ',') + csvCell(row[i]);
    text += '\r\n';
  }
  return text;
}

/** A whole CSV file: the byte-order mark, the header line, then the rows. */
export function csvFile(header: string[], rows: unknown[][]): string {
  return BOM + csvLines([header, ...rows]);
}
