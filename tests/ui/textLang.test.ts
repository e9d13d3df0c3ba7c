import { describe, expect, it } from 'vitest';
import { pickText, textLang } from '../../src/lib/i18n/format';
import { koreanRuns } from '../../src/lib/i18n/korean';
import { LOCALES } from '../../src/lib/languages';
import { text } from '../text';

describe('rule texts in the reader language', () => {
  const full = text('서울형 산후조리경비', 'Seoul postpartum care allowance');
  const koreanOnly = { ko: '서울형 산후조리경비' };

  it('shows each language its own text, unmarked', () => {
    for (const code of LOCALES) {
      expect(pickText(full, code)).toBe(full[code]);
      expect(textLang(full, code)).toBeUndefined();
    }
  });

  it('shows the authoritative Korean, marked lang="ko", while a language has not got its texts yet', () => {
    for (const code of LOCALES.filter((c) => c !== 'ko')) {
      expect(pickText(koreanOnly, code)).toBe(koreanOnly.ko);
      expect(textLang(koreanOnly, code)).toBe('ko');
    }
    expect(textLang(koreanOnly, 'ko')).toBeUndefined();
    expect(textLang(undefined, 'vi')).toBeUndefined();
    expect(pickText(undefined, 'vi')).toBe('');
  });
});

describe('Korean runs in a text on a page in another language', () => {
  it('marks Hangul and what lies between Hangul words, never another language’s letters', () => {
    expect(koreanRuns('Condition not met: 임신 12주(3개월)부터 출산 후')).toEqual([
      { text: 'Condition not met: ', korean: false },
      { text: '임신 12주(3개월)부터 출산 후', korean: true },
    ]);
    expect(koreanRuns('(SEOUL 마이웨딩), 1 day')).toEqual([
      { text: '(SEOUL ', korean: false },
      { text: '마이웨딩', korean: true },
      { text: '), 1 day', korean: false },
    ]);
    expect(koreanRuns('no Korean')).toEqual([{ text: 'no Korean', korean: false }]);
    expect(koreanRuns('')).toEqual([]);
  });
});
