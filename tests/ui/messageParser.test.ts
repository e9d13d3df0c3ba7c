/**
 * The small ICU parser the app ships instead of @formatjs's (src/lib/i18n/messageParser.ts) must
 * build exactly the AST the real parser builds, for every message of every locale and for random
 * messages made of ICU's special characters and keywords.
 */
import { parse as realParse } from '@formatjs/icu-messageformat-parser/lib/index.js';
import fc from 'fast-check';
import { runs } from '../fuzz';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/lib/i18n/messageParser';
import { flatKeys, lookup, MESSAGES } from './helpers';

/** What svelte-i18n asks of the parser (through intl-messageformat). */
const OPTIONS = { ignoreTag: true } as const;

type Outcome = { ok: true; ast: unknown } | { ok: false };
const outcome = (f: () => unknown): Outcome => {
  try {
    return { ok: true, ast: f() };
  } catch {
    return { ok: false };
  }
};

describe('message parser', () => {
  it('parses every message of every locale exactly as @formatjs does', () => {
    let parsed = 0;
    for (const [code, messages] of Object.entries(MESSAGES)) {
      for (const key of flatKeys(messages)) {
        const message = lookup(messages, key) as string;
        expect(parse(message, OPTIONS), `${code}:${key}`).toEqual(realParse(message, OPTIONS));
        parsed += 1;
      }
    }
    expect(parsed).toBeGreaterThan(400);
  });

  it('agrees with @formatjs on random messages: the same AST, or both refuse', () => {
    const token = fc.constantFrom(
      '{',
      '}',
      "'",
      "''",
      '#',
      '<',
      '>',
      '</b>',
      ',',
      ' ',
      ':',
      '=',
      '=1',
      '=-2',
      'n',
      'count',
      '한글',
      '😀',
      'plural',
      'select',
      'selectordinal',
      'number',
      'date',
      'time',
      'offset:1',
      'one',
      'other',
      'few',
      'short',
    );
    const message = fc.array(token, { maxLength: 24 }).map((t) => t.join(''));
    const wellFormed = fc
      .tuple(fc.constantFrom('plural', 'selectordinal', 'select'), fc.array(token, { maxLength: 6 }), fc.array(token, { maxLength: 6 }))
      .map(([kind, a, b]) => `x {n, ${kind}, one {${a.join('')}} other {${b.join('')}}} y`);
    fc.assert(
      fc.property(fc.oneof(message, wellFormed), (m) => {
        expect(outcome(() => parse(m, OPTIONS))).toEqual(outcome(() => realParse(m, OPTIONS)));
      }),
      { numRuns: runs(5_000) },
    );
  });

  it('refuses what the app never needs, loudly rather than wrongly', () => {
    expect(() => parse('{n, number, ::currency/KRW}', OPTIONS)).toThrow(/skeleton/);
    expect(() => parse('<b>{n}</b>', {})).toThrow(/ignoreTag/);
  });
});
