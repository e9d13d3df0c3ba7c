/**
 * Messages are parsed at build time (src/build/messagesPlugin.ts) and the app only looks them up
 * (src/lib/i18n/compiled.ts): what it gets for every message of every locale file must be exactly
 * what @formatjs's parser makes of it, as svelte-i18n asks for it.
 */
import { parse as formatjsParse } from '@formatjs/icu-messageformat-parser/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../src/build/messagesPlugin';
import { addCompiled, parse } from '../../src/lib/i18n/compiled';

const LOCALE_DIRS = ['src/lib/i18n/locales', 'src/lib/staff/locales'];
const files = LOCALE_DIRS.flatMap((dir) => readdirSync(dir).map((f) => join(dir, f)));

type Messages = { [key: string]: string | Messages };
const texts = (m: Messages): string[] => Object.values(m).flatMap((v) => (typeof v === 'string' ? [v] : texts(v)));

describe('messages parsed at build time', () => {
  it('give the app, for every message of every locale file, exactly the parse @formatjs makes', () => {
    let checked = 0;
    for (const file of files) {
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;
      const catalogue = compileCatalogue(messages, file);
      expect(catalogue.messages).toEqual(messages);
      addCompiled(catalogue.compiled);
      for (const text of texts(messages)) {
        expect(parse(text), `${file}: ${text}`).toEqual(formatjsParse(text, { ignoreTag: true }));
        checked += 1;
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(checked).toBeGreaterThan(1000);
  });

  it('ship a parse only for what is more than plain text', () => {
    const ko = JSON.parse(readFileSync('src/lib/i18n/locales/ko.json', 'utf8')) as Messages;
    const { compiled } = compileCatalogue(ko, 'ko.json');
    expect(compiled[(ko.app as Messages).title as string]).toBeUndefined();
    expect(Object.keys(compiled).length).toBeGreaterThan(0);
    expect(Object.keys(compiled).every((text) => /[{}']/.test(text))).toBe(true);
  });

  it('fail the build on a broken message, naming the file and the key', () => {
    expect(() => compileCatalogue({ flow: { remaining: '{count, plural, one {#}' } }, 'en.json')).toThrow(
      /en\.json: message flow\.remaining/,
    );
  });

  it('are the only way the app gets a message with arguments: it refuses rather than guess', () => {
    expect(() => parse('{n, plural, one {# day} other {# days}} never compiled')).toThrow(/not parsed at build time/);
    expect(parse('plain text')).toEqual([{ type: 0, value: 'plain text' }]);
  });
});
