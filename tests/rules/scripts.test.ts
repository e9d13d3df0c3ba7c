/**
 * Every rule text (and the places file's) exists in every language of the list, and is written in that language's script:
 * no Hangul outside Korean, no letters of a script the language does not use (a Chinese text left
 * in English, a Russian one in Mongolian is not caught, but one in Latin letters is), and a longer
 * text carries its language's marker (Vietnamese diacritics, kana, Cyrillic…). Names and numbers
 * in Latin letters are fine in every language (KRW, Bokjiro, URLs).
 */
import { describe, expect, it } from 'vitest';
import places from '../../rules/places/provinces.json';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { LANGUAGES } from '../../src/lib/languages';
import { eachText } from '../../src/lib/rules/walk';
import { scriptProblem } from '../scripts';

const { rules, parameters } = loadRuleSetOrThrow();
const texts: Record<string, string>[] = [];
// The places file's portal and 시·도 names too: the results page shows them in the reader's language.
eachText([rules, parameters, places.national, places.provinces], (text) => texts.push(text));

describe('rule texts in every language, each in its own script', () => {
  it('finds the texts', () => {
    expect(texts.length).toBeGreaterThan(500);
  });
  for (const language of LANGUAGES) {
    it(`${language.code}: every text present, not blank, in its script`, () => {
      const problems = texts.flatMap((text) => {
        const problem = scriptProblem(text[language.code], language);
        return problem ? [`${problem}: ${JSON.stringify(text[language.code] ?? null)} (ko: ${text.ko})`] : [];
      });
      expect(problems).toEqual([]);
    });
  }
});
