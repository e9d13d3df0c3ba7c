import { IntlMessageFormat } from 'intl-messageformat';
import { beforeAll, describe, expect, it } from 'vitest';
import { allFields } from '../../src/lib/questionnaire/fields';
import { PROBLEM_CODES } from '../../src/lib/questionnaire/parse';
import { GROUPS } from '../../src/lib/results/group';
import { PERIODS } from '../../src/lib/results/text';
import { LANGUAGES, languageTag, LOCALES } from '../../src/lib/i18n';
import { QUOTES_KOREAN, scriptProblem } from '../scripts';
import { flatKeys, lookup, MESSAGES, startI18n } from './helpers';

const reference = flatKeys(MESSAGES.ko).sort();

const placeholders = (message: string) => [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe('every locale has every message', () => {
  // As in the app, intl-messageformat gets each message as the build parsed it (src/build/messagesPlugin.ts).
  beforeAll(() => startI18n());

  it('has Korean first, and a message file for each language of the list and nothing else', () => {
    expect(LOCALES[0]).toBe('ko');
    expect(Object.keys(MESSAGES).sort()).toEqual([...LOCALES].sort());
  });

  for (const code of LOCALES) {
    it(`${code} has exactly the keys of ko, each a non-empty message with ko's placeholders`, () => {
      const keys = flatKeys(MESSAGES[code]).sort();
      expect(keys).toEqual(reference);
      for (const key of keys) {
        const message = lookup(MESSAGES[code], key);
        expect(typeof message === 'string' && message.trim() !== '', `${code}: ${key}`).toBe(true);
        expect(placeholders(message as string), `${code}: ${key}`).toEqual(placeholders(lookup(MESSAGES.ko, key) as string));
        expect(() => new IntlMessageFormat(message as string, languageTag(code)), `${code}: ${key}`).not.toThrow();
      }
    });

    // An ASCII apostrophe before a brace quotes it in ICU: '{change}' would show "{change}" itself.
    it(`${code}: every placeholder is filled in, none shown as written`, () => {
      const shown = flatKeys(MESSAGES[code]).flatMap((key) => {
        const message = lookup(MESSAGES[code], key) as string;
        const values = Object.fromEntries(placeholders(message).map((name) => [name, 7]));
        const text = String(new IntlMessageFormat(message, languageTag(code)).format(values));
        return /[{}]/.test(text) ? [`${key}: ${text}`] : [];
      });
      expect(shown).toEqual([]);
    });
  }
});

describe('every message in its language and script', () => {
  for (const language of LANGUAGES) {
    it(`${language.code}: no message blank or in another script`, () => {
      const problems = flatKeys(MESSAGES[language.code]).flatMap((key) => {
        const message = lookup(MESSAGES[language.code], key) as string;
        const rest = QUOTES_KOREAN.has(key) && message.trim() !== '' ? message.replace(/\p{Script=Hangul}+/gu, '') : message;
        const problem = rest !== message && rest.trim() === '' ? null : scriptProblem(rest, language);
        return problem ? [`${key}: ${problem}`] : [];
      });
      expect(problems).toEqual([]);
    });
  }
});

describe('every input field can be asked in every locale', () => {
  for (const code of LOCALES) {
    it(`${code}: each field of householdFields and memberFields has questions.<field>.label and .help`, () => {
      const missing: string[] = [];
      for (const field of allFields()) {
        for (const part of ['label', 'help']) {
          const text = lookup(MESSAGES[code], `questions.${field.name}.${part}`);
          if (typeof text !== 'string' || text.trim() === '') missing.push(`questions.${field.name}.${part}`);
        }
        for (const option of field.options) {
          if (typeof lookup(MESSAGES[code], `questions.${field.name}.options.${option}`) !== 'string') {
            missing.push(`questions.${field.name}.options.${option}`);
          }
        }
      }
      expect(missing).toEqual([]);
    });
  }
});

describe('codes the app renders have messages', () => {
  it('every validation problem code', () => {
    for (const code of Object.keys(PROBLEM_CODES)) expect(typeof lookup(MESSAGES.ko, `validation.${code}`), code).toBe('string');
  });
  it('every result group and amount period', () => {
    for (const group of GROUPS) {
      expect(typeof lookup(MESSAGES.ko, `results.status.${group}`)).toBe('string');
      expect(typeof lookup(MESSAGES.ko, `results.groupIntro.${group}`)).toBe('string');
    }
    for (const per of Object.keys(PERIODS)) expect(typeof lookup(MESSAGES.ko, `results.per.${per}`), per).toBe('string');
  });
});
