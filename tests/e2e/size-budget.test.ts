/**
 * The first download stays small on a cheap phone: the JS and CSS that dist/index.html loads before
 * first render (tests/e2e/assets.ts) may not exceed INITIAL_BUDGET_GZIP, is one module, and the rule
 * data, the engine that applies it, the results view, the messages (their own chunks, fetched as
 * the app starts or a language is chosen) and any ICU message parser are not part of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { shippedRuleSet, splitRuleTexts } from '../../src/build/rules/plugin';
import { LANGUAGES } from '../../src/lib/languages';
import { initialAssets, INITIAL_BUDGET_GZIP } from './assets';

const dist = inject('distDir');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('size budget', () => {
  const { files, jsCssGzip } = initialAssets(dist);
  const initialCode = [
    readFileSync(join(dist, 'index.html'), 'utf8'),
    ...files.filter((f) => f.kind !== 'html' && !f.path.startsWith('index.html')).map((f) => readFileSync(join(dist, f.path), 'utf8')),
  ].join('\n');

  it(`initial JS + CSS is at most ${kb(INITIAL_BUDGET_GZIP)} gzip`, () => {
    const table = files.map((f) => `  ${f.path}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`).join('\n');
    expect(
      jsCssGzip,
      `initial JS + CSS is ${kb(jsCssGzip)} gzip, ${kb(jsCssGzip - INITIAL_BUDGET_GZIP)} over the ${kb(INITIAL_BUDGET_GZIP)} budget:\n${table}`,
    ).toBeLessThanOrEqual(INITIAL_BUDGET_GZIP);
  });

  it('loads JS and CSS before first render, but not the rule data nor the engine that applies it', () => {
    expect(files.some((f) => f.kind === 'js')).toBe(true);
    // One module: what the entry needs at once is not split into chunks of its own (vite.config.ts).
    expect(files.filter((f) => f.kind === 'js')).toHaveLength(1);
    const { rules } = shippedRuleSet();
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(initialCode, `rule ${rule.id} is in the first download`).not.toContain(rule.names.ko);
    // json-logic-js's own error message: the evaluator travels with the rules (questionnaire/evaluator.ts).
    expect(initialCode).not.toContain('Unrecognized operation');
  });

  it('holds no ICU message parser: messages arrive parsed (src/build/messagesPlugin.ts)', () => {
    // One of @formatjs's parser error kinds, and our lookup's refusal, which names the messages' module.
    expect(initialCode).not.toContain('EXPECT_ARGUMENT_CLOSING_BRACE');
    expect(initialCode).toContain('not parsed at build time');
  });

  it("loads every language's messages and rule texts but Korean's only when chosen", () => {
    const full = shippedRuleSet();
    const { korean, texts } = splitRuleTexts(full);
    // The rule data (its own chunk) carries Korean only; the other languages' texts come with their messages.
    expect(JSON.stringify(korean)).not.toContain(full.rules[0].names.en);
    for (const { code } of LANGUAGES.filter((l) => l.code !== 'ko')) {
      const messages = JSON.parse(readFileSync(`src/lib/i18n/locales/${code}.json`, 'utf8'));
      expect(initialCode, `${code} messages are in the first download`).not.toContain(messages.results.empty);
      expect(texts[code]).toHaveLength(texts.en.length);
      expect(initialCode, `${code} rule texts are in the first download`).not.toContain(texts[code][0]);
    }
  });
});
