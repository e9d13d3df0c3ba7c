/**
 * The few RFC 5545 rules an .ics file of all-day events needs, written out rather than bought as a
 * dependency: text values escaped (§3.3.11), URI values left as they are (§3.3.13), every content
 * line folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF line ends.
 * tests/calendar reads the result back with ical.js.
 */

const LINE_OCTETS = 75;

/** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n. */
export const escapeText = (text: string): string => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

/**
 * A URI value is never escaped: a comma, semicolon or backslash goes percent-encoded instead, which
 * means the same to a web server.
 */
export const uriValue = (url: string): string => url.replace(/[,;\\]/g, (c) => encodeURIComponent(c));

const octets = (char: string): number => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/** One content line, folded: the continuation lines start with a space, which counts in their 75. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const n = octets(char);
    if (size + n > LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** YYYY-MM-DD as a DATE value. */
export const dateValue = (iso: string): string => iso.replace(/-/g, '');

/** A Date as a UTC DATE-TIME value. */
export const dateTimeValue = (date: Date): string => `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** The file: each line folded, CRLF between them. */
export const icsText = (lines: string[]): string => lines.map(fold).join('\r\n');
