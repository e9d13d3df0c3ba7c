import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, LANGUAGES, LOCALES, nearestLocale } from '../../src/lib/languages';
import { RESUME_ATTRIBUTE, startScript } from '../../src/lib/startup/startScript';

describe('the one list of languages', () => {
  it('starts with Korean, has unique codes and tags, each a tag Intl knows', () => {
    expect(DEFAULT_LOCALE).toBe('ko');
    expect(new Set(LOCALES).size).toBe(LOCALES.length);
    expect(new Set(LANGUAGES.map((l) => l.tag)).size).toBe(LANGUAGES.length);
    for (const { tag } of LANGUAGES) expect(Intl.getCanonicalLocales(tag)).toEqual([tag]);
  });
});

describe('a first visit in the browser language', () => {
  it('picks the first of the browser languages we speak, by its language subtag, Korean otherwise', () => {
    expect(nearestLocale(['vi-VN', 'en-US'])).toBe('vi');
    expect(nearestLocale(['fr-FR', 'ru-RU', 'en'])).toBe('ru');
    expect(nearestLocale(['zh-TW'])).toBe('zh');
    expect(nearestLocale(['zh-Hans-CN'])).toBe('zh');
    expect(nearestLocale(['fil-PH'])).toBe('tl');
    expect(nearestLocale(['EN-gb'])).toBe('en');
    expect(nearestLocale(['fr', 'de'])).toBe('ko');
    expect(nearestLocale([])).toBe('ko');
  });

  describe("the page's inline script agrees, and hides the Korean first screen from anyone it does not suit", () => {
    afterEach(() => {
      vi.restoreAllMocks();
      document.documentElement.removeAttribute(RESUME_ATTRIBUTE);
    });
    const run = (languages: string[]) => {
      vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
      document.documentElement.removeAttribute(RESUME_ATTRIBUTE);
      // The script appends the app's module to <head>: a URL that loads nothing here.
      new Function(startScript('data:text/javascript,'))();
      document.head.querySelector('script[src^="data:"]')?.remove();
      return document.documentElement.hasAttribute(RESUME_ATTRIBUTE);
    };
    for (const languages of [['vi-VN', 'en'], ['fil-PH'], ['mn'], ['de', 'ja-JP'], ['ko-KR', 'en'], ['fr'], []]) {
      it(`${JSON.stringify(languages)}: the first screen is ${nearestLocale(languages)}`, () => {
        expect(run(languages)).toBe(nearestLocale(languages) !== 'ko');
      });
    }
  });
});
