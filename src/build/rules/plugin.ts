/**
 * Serves the rule files (shared criteria written out) and shared parameters to the app as `virtual:benefit-rules` (checked, and
 * without what only maintainers and the test suite read: test cases and each figure's source), and
 * fails the dev server and the build when a file is broken, naming the file, path and reason.
 * The rule data carries its texts in Korean only; each other language's texts are
 * `virtual:benefit-rule-texts/<code>`, loaded with that language (src/lib/rules/texts.ts).
 * The rules' expressions, compiled into plain JavaScript (./codegen.ts), are `virtual:benefit-rule-code`.
 */
import type { Plugin } from 'vite';
import type { Parameter, ParameterTree, SharedParameter } from '../../lib/engine/parameters';
import type { Rule, RuleSet } from '../../lib/engine/types';
import { formatProblem } from './check';
import { DEFAULT_LOCALE, LOCALES } from '../../lib/languages';
import { eachText } from '../../lib/rules/walk';
import { expressionsOf } from '../../lib/engine/evaluate';
import { expressionsSource } from './codegen';
import { loadRuleSet, ruleFilesIn, sharedFilesIn } from './load';

const VIRTUAL_ID = 'virtual:benefit-rules';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const TEXTS_ID = 'virtual:benefit-rule-texts';
const RESOLVED_TEXTS = '\0' + TEXTS_ID;
const CODE_ID = 'virtual:benefit-rule-code';
const RESOLVED_CODE = '\0' + CODE_ID;

/** A parameter as shipped: its unit and dated values, without the sources. */
function shippedParameter<P extends Parameter | SharedParameter>(parameter: P): P {
  if ('shared' in parameter) return parameter;
  const values = Object.fromEntries(Object.entries(parameter.values).map(([start, { value }]) => [start, { value }]));
  return { unit: parameter.unit, values } as P;
}

const shippedTree = (tree: ParameterTree): ParameterTree =>
  Object.fromEntries(Object.entries(tree).map(([name, p]) => [name, shippedParameter(p)]));

/** The rule data as shipped to the browser. */
export function shippedRuleSet(): RuleSet {
  const { rules, parameters, problems } = loadRuleSet();
  if (problems.length > 0) throw new Error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
  return {
    rules: rules.map(({ tests: _tests, ...rule }): Rule => {
      if (!rule.parameters) return rule;
      return { ...rule, parameters: Object.fromEntries(Object.entries(rule.parameters).map(([name, p]) => [name, shippedParameter(p)])) };
    }),
    parameters: shippedTree(parameters),
  };
}

/** The shipped rule data with its texts in Korean only, and every other language's texts in src/lib/rules/walk.ts's order. */
export function splitRuleTexts(ruleSet: RuleSet): { korean: RuleSet; texts: Record<string, string[]> } {
  const korean = JSON.parse(JSON.stringify(ruleSet)) as RuleSet;
  const texts: Record<string, string[]> = Object.fromEntries(LOCALES.filter((c) => c !== DEFAULT_LOCALE).map((c) => [c, []]));
  eachText(korean.rules, (text) => {
    for (const [code, list] of Object.entries(texts)) list.push(text[code]);
    for (const code of Object.keys(text)) if (code !== DEFAULT_LOCALE) delete text[code];
  });
  return { korean, texts };
}

// A JSON string for JSON.parse, not an object literal: V8 parses JSON several times faster, and
// this runs on a phone's main thread as the app starts.
const jsonModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

export function checkRulesPlugin(): Plugin {
  // Made once per build (or until a rule file changes): the rule data and each language's texts come from it.
  let split: ReturnType<typeof splitRuleTexts> | null = null;
  return {
    name: 'benefit-rules',
    watchChange() {
      split = null;
    },
    buildStart() {
      split = null;
      const { problems } = loadRuleSet();
      if (problems.length > 0) this.error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
    },
    resolveId(id) {
      if (id === VIRTUAL_ID) return RESOLVED_ID;
      if (id === CODE_ID) return RESOLVED_CODE;
      return id === TEXTS_ID || id.startsWith(`${TEXTS_ID}/`) ? '\0' + id : undefined;
    },
    load(id) {
      if (id === RESOLVED_TEXTS) {
        // One loader per language, each a chunk of its own.
        const codes = LOCALES.filter((c) => c !== DEFAULT_LOCALE);
        return `export default {${codes.map((c) => `${JSON.stringify(c)}: () => import(${JSON.stringify(`${TEXTS_ID}/${c}`)}).then((m) => m.default)`).join(',')}};`;
      }
      const code = id.startsWith(`${RESOLVED_TEXTS}/`) ? id.slice(RESOLVED_TEXTS.length + 1) : null;
      if (id !== RESOLVED_ID && id !== RESOLVED_CODE && code === null) return undefined;
      for (const file of ruleFilesIn()) this.addWatchFile(file);
      for (const [, file] of [...sharedFilesIn('parameters'), ...sharedFilesIn('criteria')]) this.addWatchFile(file);
      try {
        const { korean, texts } = (split ??= splitRuleTexts(shippedRuleSet()));
        if (id === RESOLVED_CODE) return `export default function (h) {\n${expressionsSource(korean.rules.flatMap(expressionsOf))}\n}`;
        return jsonModule(code === null ? korean : texts[code]);
      } catch (e) {
        this.error((e as Error).message);
      }
    },
  };
}
