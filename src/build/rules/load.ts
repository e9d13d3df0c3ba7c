/** Reads and checks the rule files and the shared parameter tree in a folder (Node side: CLI, build, tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParameterTree } from '../../lib/engine/parameters';
import type { RuleFile, RuleSet } from '../../lib/engine/types';
import { formatProblem, parseParameter, parseRule, type RuleProblem } from './check';

export const RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../rules');

/** Rule files in the folder, one benefit each, in name order. */
export function ruleFilesIn(dir: string = RULES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Shared parameter files, anywhere under `parameters/`, by their path there without `.json`. */
export function parameterFilesIn(dir: string = RULES_DIR): [name: string, path: string][] {
  const root = join(dir, 'parameters');
  const walk = (sub: string): [string, string][] =>
    readdirSync(join(root, sub), { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => {
        const name = sub ? `${sub}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return walk(name);
        return entry.name.endsWith('.json') ? [[name.slice(0, -'.json'.length), join(root, name)] as [string, string]] : [];
      });
  return walk('');
}

const shown = (path: string) => relative(process.cwd(), path) || path;

export function loadRuleSet(dir: string = RULES_DIR): RuleSet<RuleFile> & { problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const parameters: ParameterTree = {};
  for (const [name, path] of parameterFilesIn(dir)) {
    const { parameter, problems: found } = parseParameter(readFileSync(path, 'utf8'), shown(path));
    if (parameter) parameters[name] = parameter;
    problems.push(...found);
  }
  const rules: RuleFile[] = [];
  for (const path of ruleFilesIn(dir)) {
    const { rule, problems: found } = parseRule(readFileSync(path, 'utf8'), shown(path), parameters);
    if (rule) rules.push(rule);
    problems.push(...found);
  }
  return { rules, parameters, problems };
}

/** Loads the rules and their parameters, or throws one error listing every problem. */
export function loadRuleSetOrThrow(dir?: string): RuleSet<RuleFile> {
  const { rules, parameters, problems } = loadRuleSet(dir);
  if (problems.length > 0) throw new Error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
  return { rules, parameters };
}
