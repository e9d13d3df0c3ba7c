/**
 * Rule texts arrive by language. The rule data (./index.ts) carries Korean only — authoritative,
 * and shown beside every translation; each other language's texts are a chunk of their own
 * (`virtual:benefit-rule-texts`, one JSON.parse array per language, in ./walk.ts's order), put into
 * the rule objects in place. Until then a text reads in Korean (src/lib/i18n/format.ts). Neither
 * waits for the other: texts that arrive first are put in as the rule data arrives (./index.ts),
 * so that a language's screen can show before the rule data has come (src/main.ts).
 */
import loaders from 'virtual:benefit-rule-texts';
import type { Rule } from '../engine/types';
import type { Locale } from '../languages';
import { eachText } from './walk';

const loading = new Map<Locale, Promise<void>>();
const arrived = new Map<Locale, string[]>();
let rules: Rule[] | null = null;

function putTexts(code: Locale, texts: string[], into: Rule[]): void {
  let i = 0;
  eachText(into, (text) => {
    text[code] = texts[i++];
  });
}

/** Loads `code`'s rule texts, and puts them into the rule data if it has arrived (else it takes them as it arrives). */
export function loadRuleTexts(code: Locale): Promise<void> {
  const load = loaders[code];
  if (!load) return Promise.resolve();
  let done = loading.get(code);
  if (!done) {
    done = load().then((texts) => {
      arrived.set(code, texts);
      if (rules) putTexts(code, texts, rules);
    });
    loading.set(code, done);
  }
  return done;
}

/** The rule data as it arrives, given every language's texts loaded so far (and those loaded later). */
export function withRuleTexts<T extends { rules: Rule[] }>(ruleSet: T): T {
  rules = ruleSet.rules;
  for (const [code, texts] of arrived) putTexts(code, texts, rules);
  return ruleSet;
}
