import { describe, expect, it } from 'vitest';
import { pickText, textLang } from '../../src/lib/i18n/format';
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
