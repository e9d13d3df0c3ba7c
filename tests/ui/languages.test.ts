import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, LANGUAGES, languageTag, LOCALES, nearestLocale } from '../../src/lib/languages';
import { STORAGE_KEY } from '../../src/lib/storage';
import {
  canHydrate,
  FIRST_SCREEN_ATTRIBUTE,
  firstScreenId,
  RESUME_ATTRIBUTE,
  reveal,
  SCREEN_LOCALE_ATTRIBUTE,
  startScript,
} from '../../src/lib/startup/startScript';

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

  describe("the page's inline script agrees: a new visitor's first screen is in that language, before it paints", () => {
    const html = document.documentElement;
    afterEach(() => {
      vi.restoreAllMocks();
      reveal();
      html.lang = 'ko';
      document.body.replaceChildren();
    });
    /** A page as the build writes it (src/build/prerenderPlugin.ts): the Korean screen, every other in a template. */
    function builtPage() {
      const app = Object.assign(document.createElement('div'), { id: 'app' });
      app.setAttribute(SCREEN_LOCALE_ATTRIBUTE, DEFAULT_LOCALE);
      app.innerHTML = '<h2>우리 가족</h2>';
      document.body.append(app);
      for (const { code, tag } of LANGUAGES.slice(1)) {
        const template = Object.assign(document.createElement('template'), { id: firstScreenId(code), lang: tag });
        template.setAttribute('data-title', `title ${code}`);
        template.innerHTML = `<h2>household ${code}</h2>`;
        document.body.append(template);
      }
      return app;
    }
    const run = (languages: string[]) => {
      vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
      // The script's listener for the end of parsing, called here rather than left on the document for the next test.
      const parsed: EventListener[] = [];
      vi.spyOn(document, 'addEventListener').mockImplementation((type, listener) => {
        if (type === 'DOMContentLoaded') parsed.push(listener as EventListener);
      });
      const app = builtPage();
      // The script appends the app's module to <head>: a URL that loads nothing here.
      new Function(startScript('data:text/javascript,'))();
      document.head.querySelector('script[src^="data:"]')?.remove();
      const pending = html.getAttribute(FIRST_SCREEN_ATTRIBUTE);
      for (const listener of parsed) listener(new Event('DOMContentLoaded'));
      return { pending, resume: html.hasAttribute(RESUME_ATTRIBUTE), app };
    };
    for (const languages of [['vi-VN', 'en'], ['fil-PH'], ['mn'], ['de', 'ja-JP'], ['ko-KR', 'en'], ['fr'], []]) {
      const code = nearestLocale(languages);
      it(`${JSON.stringify(languages)}: the first screen is ${code}, hidden until the page is parsed, then shown`, () => {
        const { pending, resume, app } = run(languages);
        expect(resume).toBe(false);
        expect(pending).toBe(code === DEFAULT_LOCALE ? null : code);
        expect(html.hasAttribute(FIRST_SCREEN_ATTRIBUTE)).toBe(false);
        expect(app.querySelector('h2')!.textContent).toBe(code === DEFAULT_LOCALE ? '우리 가족' : `household ${code}`);
        expect(app.getAttribute(SCREEN_LOCALE_ATTRIBUTE)).toBe(code);
        expect(html.lang).toBe(languageTag(code));
        if (code !== DEFAULT_LOCALE) expect(document.title).toBe(`title ${code}`);
        expect(canHydrate(app, code)).toBe(true);
        expect(canHydrate(app, code === 'en' ? 'vi' : 'en')).toBe(false);
      });
    }

    it('hides it from a returning resident, whatever their browser language, and leaves it in Korean', () => {
      localStorage.setItem(STORAGE_KEY, '{}');
      try {
        const { pending, resume, app } = run(['en-US']);
        expect([pending, resume]).toEqual([null, true]);
        expect(app.getAttribute(SCREEN_LOCALE_ATTRIBUTE)).toBe(DEFAULT_LOCALE);
        expect(canHydrate(app, DEFAULT_LOCALE)).toBe(false);
      } finally {
        localStorage.removeItem(STORAGE_KEY);
      }
    });
  });
});
