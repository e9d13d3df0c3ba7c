/** Reads and checks the rule files, the shared parameter tree and the shared criteria in a folder (Node side: CLI, build, tests). */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParameterTree } from '../../lib/engine/parameters';
import type { RuleFile, RuleSet } from '../../lib/engine/types';
import {
  formatProblem,
  parseCriterion,
  parseParameter,
  parseRule,
  ruleSetProblems,
  type RuleProblem,
  type SharedCriterion,
  type SharedDefinitions,
} from './check';
// Rules loaded in Node are compiled there on first use.
import './compile';

export const RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../rules');

/** Rule files in the folder, one benefit each, in name order. */
export function ruleFilesIn(dir: string = RULES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Shared files, anywhere under `sub/` (`parameters`, `criteria`), by their path there without `.json`. */
export function sharedFilesIn(sub: 'parameters' | 'criteria', dir: string = RULES_DIR): [name: string, path: string][] {
  const root = join(dir, sub);
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

/** The shared parameters and criteria rule files may name, checked. */
export function loadShared(dir: string = RULES_DIR): SharedDefinitions & { problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const parameters: ParameterTree = {};
  for (const [name, path] of sharedFilesIn('parameters', dir)) {
    const { parameter, problems: found } = parseParameter(readFileSync(path, 'utf8'), shown(path));
    if (parameter) parameters[name] = parameter;
    problems.push(...found);
  }
  const criteria: Record<string, SharedCriterion> = {};
  for (const [name, path] of sharedFilesIn('criteria', dir)) {
    const { criterion, problems: found } = parseCriterion(readFileSync(path, 'utf8'), shown(path));
    if (criterion) criteria[name] = criterion;
    problems.push(...found);
  }
  return { parameters, criteria, problems };
}

export function loadRuleSet(dir: string = RULES_DIR): RuleSet<RuleFile> & { problems: RuleProblem[] } {
  const { parameters, criteria, problems } = loadShared(dir);
  const loaded: { rule: RuleFile; file: string }[] = [];
  for (const path of ruleFilesIn(dir)) {
    const { rule, problems: found } = parseRule(readFileSync(path, 'utf8'), shown(path), { parameters, criteria });
    if (rule) loaded.push({ rule, file: shown(path) });
    problems.push(...found);
  }
  problems.push(...ruleSetProblems(loaded));
  return { rules: loaded.map(({ rule }) => rule), parameters, problems };
}

/** Loads the rules and their parameters, or throws one error listing every problem. */
export function loadRuleSetOrThrow(dir?: string): RuleSet<RuleFile> {
  const { rules, parameters, problems } = loadRuleSet(dir);
  if (problems.length > 0) throw new Error(`broken rule files:\n${problems.map(formatProblem).join('\n')}`);
  return { rules, parameters };
}
