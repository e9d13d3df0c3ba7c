/**
 * Rule texts arrive by language. The rule data (./index.ts) carries Korean only — authoritative,
 * and shown beside every translation; each other language's texts are a chunk of their own
 * (`virtual:benefit-rule-texts`, one JSON.parse array per language, in ./walk.ts's order), loaded
 * with that language's messages (src/lib/i18n) and put into the rule objects in place. Until then
 * a text reads in Korean (src/lib/i18n/format.ts).
 */
import loaders from 'virtual:benefit-rule-texts';
import type { Locale } from '../languages';
import { eachText } from './walk';

const loaded = new Map<Locale, Promise<void>>();

/** Loads `code`'s rule texts (with the rule data, if not loaded yet) and puts them into the rules. */
export function loadRuleTexts(code: Locale): Promise<void> {
  const load = loaders[code];
  if (!load) return Promise.resolve();
  let done = loaded.get(code);
  if (!done) {
    done = Promise.all([import('./index'), load()]).then(([{ benefitRuleSet }, texts]) => {
      let i = 0;
      eachText(benefitRuleSet.rules, (text) => {
        text[code] = texts[i++];
      });
    });
    loaded.set(code, done);
  }
  return done;
}
