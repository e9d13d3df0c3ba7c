/**
 * Serves the rule files (shared criteria written out) and shared parameters to the app as `virtual:benefit-rules` (checked, and
 * without what only maintainers and the test suite read: test cases and each figure's source), and
 * fails the dev server and the build when a file is broken, naming the file, path and reason.
 */
import type { Plugin } from 'vite';
import type { Parameter, ParameterTree, SharedParameter } from '../../lib/engine/parameters';
import type { Rule, RuleSet } from '../../lib/engine/types';
import { formatProblem } from './check';
import { loadRuleSet, ruleFilesIn, sharedFilesIn } from './load';

const VIRTUAL_ID = 'virtual:benefit-rules';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

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

export function checkRulesPlugin(): Plugin {
  return {
    name: 'benefit-rules',
    buildStart() {
      const { problems } = loadRuleSet();
      if (problems.length > 0) this.error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of ruleFilesIn()) this.addWatchFile(file);
      for (const [, file] of [...sharedFilesIn('parameters'), ...sharedFilesIn('criteria')]) this.addWatchFile(file);
      try {
        // A JSON string for JSON.parse, not an object literal: V8 parses JSON several times faster,
        // and this runs on a phone's main thread as the app starts.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(shippedRuleSet()))});`;
      } catch (e) {
        this.error((e as Error).message);
      }
    },
  };
}
