/** Reads and checks every rule file in a folder (Node side: CLI, build, tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleFile } from '../../lib/engine/types';
import { formatProblem, parseRule, type RuleProblem } from './check';

export const RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../rules');

export function ruleFilesIn(dir: string = RULES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

export function loadRules(dir: string = RULES_DIR): { rules: RuleFile[]; problems: RuleProblem[] } {
  const rules: RuleFile[] = [];
  const problems: RuleProblem[] = [];
  for (const path of ruleFilesIn(dir)) {
    const { rule, problems: found } = parseRule(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path);
    if (rule) rules.push(rule);
    problems.push(...found);
  }
  return { rules, problems };
}

/** Loads the rules, or throws one error listing every problem. */
export function loadRulesOrThrow(dir?: string): RuleFile[] {
  const { rules, problems } = loadRules(dir);
  if (problems.length > 0) throw new Error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
  return rules;
}
