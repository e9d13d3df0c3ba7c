/** RFC 5545 folding and escaping on their own: any text, any script, survives a round trip. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, fold, uriValue } from '../../src/lib/calendar/rfc5545';
import { runs } from '../fuzz';

const unfold = (text: string) => text.replace(/\r\n /g, '');
const unescape = (text: string) => text.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('RFC 5545', () => {
  it('folds every line to at most 75 octets, never inside a character, and unfolds to the same line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `DESCRIPTION:${text.replace(/[\r\n]/g, '')}`;
        const folded = fold(line);
        for (const part of folded.split('\r\n')) {
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
          expect(part).not.toMatch(/[\uD800-\uDFFF]/u);
        }
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: runs(1_000) },
    );
  });

  it('escapes backslash, semicolon, comma and every kind of line break in text', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(unescape(escapeText(text))).toBe(text.replace(/\r\n|\r/g, '\n'));
      }),
      { numRuns: runs(1_000) },
    );
  });

  it('leaves a URI unescaped, percent-encoding what TEXT would escape', () => {
    expect(uriValue('https://example.org/a?b=c,d;e')).toBe('https://example.org/a?b=c%2Cd%3Be');
  });
});
