import { describe, expect, it } from 'vitest';
import { pickText, textLang } from '../../src/lib/i18n/format';

describe('rule texts in the reader language', () => {
  const both = { ko: '서울형 산후조리경비', en: 'Seoul postpartum care allowance' };
  const withZh = { ...both, zh: '首尔型产后调理费' };

  it('marks English shown on a Chinese or Vietnamese page as lang="en", so screen readers switch voice', () => {
    expect(pickText(both, 'vi')).toBe(both.en);
    expect(textLang(both, 'vi')).toBe('en');
    expect(textLang(both, 'zh')).toBe('en');
  });

  it('marks nothing when the text is in the page language', () => {
    expect(textLang(withZh, 'zh')).toBeUndefined();
    expect(textLang(both, 'ko')).toBeUndefined();
    expect(textLang(both, 'en')).toBeUndefined();
    expect(textLang(undefined, 'vi')).toBeUndefined();
  });
});
