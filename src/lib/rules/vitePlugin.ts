/** Fails the dev server and the build when a rule file is broken, naming the file, path and reason. */
import type { Plugin } from 'vite';
import { formatProblem } from './checkRule';
import { loadRules } from './loadFromDisk';

export function checkRulesPlugin(): Plugin {
  return {
    name: 'check-rule-files',
    buildStart() {
      const { problems } = loadRules();
      if (problems.length > 0) this.error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
    },
  };
}
