/**
 * Serves the rule files to the app as `virtual:benefit-rules` (checked, and without their test
 * cases, which only the test suite needs), and fails the dev server and the build when a rule
 * file is broken, naming the file, path and reason.
 */
import type { Plugin } from 'vite';
import { formatProblem } from './check';
import { loadRules, ruleFilesIn } from './load';

const VIRTUAL_ID = 'virtual:benefit-rules';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/** The rule data as shipped to the browser: checked rule files without their test cases. */
export function shippedRules() {
  const { rules, problems } = loadRules();
  if (problems.length > 0) throw new Error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
  return rules.map(({ tests: _tests, ...rule }) => rule);
}

export function checkRulesPlugin(): Plugin {
  return {
    name: 'benefit-rules',
    buildStart() {
      const { problems } = loadRules();
      if (problems.length > 0) this.error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of ruleFilesIn()) this.addWatchFile(file);
      try {
        // A JSON string for JSON.parse, not an object literal: V8 parses JSON several times faster,
        // and this runs on a phone's main thread as the app starts.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(shippedRules()))});`;
      } catch (e) {
        this.error((e as Error).message);
      }
    },
  };
}
