/**
 * Validates a rule file: the JSON Schema first, then what a schema cannot say — every var names
 * a known fact, every operator exists, ids are unique, each test household is valid.
 * Used by the tests, the build (vite plugin) and the CLI, so a broken file fails everywhere
 * with its path and the reason.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import jsonLogic from 'json-logic-js';
import { derivedHouseholdFacts, derivedMemberFacts } from '../../lib/engine/facts';
import { householdFields, memberFields } from '../../lib/engine/inputModel';
import { forbiddenOperators } from '../../lib/engine/logic3';
import { customOperationNames } from '../../lib/engine/operations';
import { validateHousehold } from '../../lib/engine/validate';
import { UNITS, type Parameter, type ParameterTree } from '../../lib/engine/parameters';
import type { Criterion, RuleFile, Text } from '../../lib/engine/types';
import { jsonErrorAt } from '../jsonError';
import { LOCALES } from '../../lib/languages';
import criterionSchema from './criterion.schema.json';
import parameterSchema from './parameter.schema.json';
import schema from './rule.schema.json';

export interface RuleProblem {
  file: string;
  path: string;
  reason: string;
}

/** A rule text: a string with more than white space in every language of the list, and nothing else. */
export const TEXT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [...LOCALES],
  properties: Object.fromEntries(LOCALES.map((code) => [code, { type: 'string', pattern: '\\S' }])),
};
(schema.definitions as Record<string, unknown>).text = TEXT_SCHEMA;

/** A name standing for itself in every language (a criterion that names no file: reported, never shipped). */
const sameText = (name: string): Text => Object.fromEntries(LOCALES.map((code) => [code, name])) as Text;

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addSchema(parameterSchema);
ajv.addSchema(criterionSchema);
const validateSchema = ajv.compile(schema);
const validateParameterSchema = ajv.getSchema(parameterSchema.$id)!;
const validateCriterionSchema = ajv.getSchema(criterionSchema.$id)!;

/** A criterion many rules share (rules/criteria/<name>.json): one label, one logic. */
export interface SharedCriterion {
  label: Text;
  logic: unknown;
  description?: string;
}

/** What a rule file may name besides its own content. */
export interface SharedDefinitions {
  parameters: ParameterTree;
  criteria: Record<string, SharedCriterion>;
}

const builtInOperators = [
  'var',
  'if',
  '?:',
  '===',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'cat',
  'substr',
  'in',
  'merge',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
];
const allowedOperators = new Set([...builtInOperators, ...customOperationNames]);

const memberFactNames = new Set([...Object.keys(memberFields), ...Object.keys(derivedMemberFacts)]);
const householdFactNames = new Set([...Object.keys(householdFields).filter((f) => f !== 'asOf'), ...Object.keys(derivedHouseholdFacts)]);

function knownVar(name: string, params: Set<string>): boolean {
  const [head, fact, ...rest] = name.split('.');
  if (rest.length > 0) return false;
  if (fact === undefined) return ['asOf', 'count', 'current', 'accumulator', ''].includes(head) || memberFactNames.has(head);
  if (head === 'household') return householdFactNames.has(fact);
  if (head === 'member') return memberFactNames.has(fact);
  if (head === 'params') return params.has(fact);
  return false;
}

function walkLogic(logic: unknown, at: string, visit: (op: string, args: unknown, at: string) => void): void {
  if (Array.isArray(logic)) {
    logic.forEach((item, i) => walkLogic(item, `${at}/${i}`, visit));
    return;
  }
  if (!jsonLogic.is_logic(logic)) return;
  const node = logic as Record<string, unknown>;
  const op = jsonLogic.get_operator(node);
  const args = node[op];
  visit(op, args, at);
  walkLogic(args, `${at}/${op}`, visit);
}

/** Every JSON-logic expression in a rule, with whether it is evaluated for a member. */
function logicPlaces(rule: RuleFile): [string, unknown, boolean][] {
  const perMember = rule.scope.members !== 'household';
  const places: [string, unknown, boolean][] = [];
  rule.criteria.forEach((c, i) => {
    places.push([`/criteria/${i}/logic`, c.logic, perMember]);
    if (c.incomeLimitPercent !== undefined) places.push([`/criteria/${i}/incomeLimitPercent`, c.incomeLimitPercent, perMember]);
  });
  if (rule.upcoming) {
    places.push(['/upcoming/when', rule.upcoming.when, perMember]);
    if (rule.upcoming.date !== undefined) places.push(['/upcoming/date', rule.upcoming.date, perMember]);
  }
  if (rule.amount) places.push(['/amount/value', rule.amount.value, perMember && rule.amount.basis === 'member']);
  if (rule.amount?.months !== undefined) places.push(['/amount/months', rule.amount.months, perMember && rule.amount.basis === 'member']);
  if (rule.amount?.supplement) places.push(['/amount/supplement/value', rule.amount.supplement.value, false]);
  if (rule.applyBy !== undefined) places.push(['/applyBy', rule.applyBy, perMember]);
  return places;
}

const VALUE_CHECKS: Record<string, [(v: unknown) => boolean, string]> = {
  date: [(v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v), 'a date written YYYY-MM-DD'],
  'KRW by household size': [
    (v) => Array.isArray(v) && v.length >= 2 && v.every((n) => Number.isInteger(n) && n > 0),
    'a list of whole KRW amounts, one per household size',
  ],
};
const NUMBER: [(v: unknown) => boolean, string] = [(v) => typeof v === 'number' && Number.isFinite(v), 'a number'];

/** A web address on one of `schemes`, without user-info (which hides the real host). */
function isWebLink(url: string, schemes: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return schemes.includes(parsed.protocol) && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Links opened as they are. Where a resident applies (apply.online, on every card): https only.
 * Sources (references, a dated value's url: the catalogue and maintainers read them) may also be
 * plain http, as some Korean news sites still are; never javascript:, data: or user-info.
 */
const RESIDENT = ['https:'];
const SOURCE = ['https:', 'http:'];

function linkProblems(links: [string, string | undefined][], schemes: readonly string[]): [string, string][] {
  const what = schemes.length === 1 ? 'an https://' : 'an https:// or http://';
  return links
    .filter(([, url]) => url !== undefined && !isWebLink(url, schemes))
    .map(([at, url]): [string, string] => [at, `must be ${what} link, not "${url}"`]);
}

/** What a schema cannot say about a dated parameter: a known unit, values of that unit, web links for sources. */
function parameterProblems(parameter: Parameter): [string, string][] {
  if (!(UNITS as readonly string[]).includes(parameter.unit)) return [['/unit', `must be one of: ${UNITS.join(', ')}`]];
  const [valid, what] = VALUE_CHECKS[parameter.unit] ?? NUMBER;
  return [
    ...Object.entries(parameter.values)
      .filter(([, dated]) => !valid(dated.value))
      .map(([start, dated]): [string, string] => [
        `/values/${start}/value`,
        `must be ${what} (unit ${parameter.unit}), not ${JSON.stringify(dated.value)}`,
      ]),
    ...linkProblems(
      Object.entries(parameter.values).map(([start, dated]) => [`/values/${start}/url`, dated.url]),
      SOURCE,
    ),
  ];
}

function semanticProblems(rule: RuleFile, fileId: string | null, tree: ParameterTree): [string, string][] {
  const problems: [string, string][] = [];
  if (fileId !== null && rule.id !== fileId) problems.push(['/id', `must match the file name "${fileId}"`]);
  const ids = rule.criteria.map((c) => c.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push([`/criteria/${i}/id`, `duplicate criterion id "${id}"`]);
  });
  rule.upcoming?.waived.forEach((id, i) => {
    if (!ids.includes(id)) problems.push([`/upcoming/waived/${i}`, `names no criterion: "${id}"`]);
  });
  if (rule.validTo && rule.validTo < rule.validFrom) problems.push(['/validTo', 'is before validFrom']);
  for (const [name, declared] of Object.entries(rule.parameters ?? {})) {
    if ('shared' in declared) {
      if (!Object.hasOwn(tree, declared.shared))
        problems.push([`/parameters/${name}/shared`, `names no file rules/parameters/${declared.shared}.json`]);
    } else problems.push(...parameterProblems(declared).map(([at, why]): [string, string] => [`/parameters/${name}${at}`, why]));
  }
  const params = new Set(Object.keys(rule.parameters ?? {}));
  for (const [place, logic, memberAllowed] of logicPlaces(rule)) {
    walkLogic(logic, place, (op, args, at) => {
      if (forbiddenOperators.includes(op))
        problems.push([at, `operator "${op}" is not allowed (use === and !==; absent input is handled by the engine)`]);
      else if (!allowedOperators.has(op)) problems.push([at, `unknown operator "${op}"`]);
      if (op === 'var') {
        const name = Array.isArray(args) ? args[0] : args;
        if (Array.isArray(args) && args.length > 1)
          problems.push([at, 'var must not carry a default: absent input is unknown, not a default']);
        if (typeof name !== 'string' || !knownVar(name, params)) problems.push([at, `unknown fact "${String(name)}"`]);
        else if (!memberAllowed && name.startsWith('member.'))
          problems.push([at, `"${name}" is not available here: it needs a member scope and a per-member amount`]);
        else if (name === 'count' && !(place === '/amount/value' && rule.amount?.basis === 'household'))
          problems.push([at, '"count" exists only in a household-basis amount']);
      }
    });
  }
  problems.push(
    ...linkProblems(
      (rule.apply.online ?? []).map((o, i) => [`/apply/online/${i}/url`, o.url]),
      RESIDENT,
    ),
    ...linkProblems(
      (rule.references ?? []).map((r, i) => [`/references/${i}/url`, r.url]),
      SOURCE,
    ),
  );
  rule.tests.forEach((t, i) => {
    if (t.household?.asOf === undefined) problems.push([`/tests/${i}/household/asOf`, 'a test household needs a fixed asOf']);
    for (const p of validateHousehold(t.household))
      problems.push([`/tests/${i}/household/${p.field}`, `${p.code} ${JSON.stringify(p.params)}`]);
  });
  return problems;
}

// A bad key (a parameter's start date) is reported twice by Ajv: once naming it, once as "property name must be valid".
const schemaProblems = (errors: typeof validateSchema.errors, file: string): RuleProblem[] =>
  (errors ?? [])
    .filter((e) => e.keyword !== 'propertyNames')
    .map((e) => ({
      file,
      path: e.instancePath || '/',
      reason:
        e.propertyName !== undefined
          ? `key "${e.propertyName}" ${e.message ?? 'is invalid'}${e.params.format === 'date' ? ' (a real date, YYYY-MM-DD)' : ''}`
          : `${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: "${String(e.params.additionalProperty)}"` : ''}`,
    }));

/** Problems with one shared parameter file (rules/parameters/…). */
export function checkParameter(data: unknown, file: string): RuleProblem[] {
  if (!validateParameterSchema(data)) return schemaProblems(validateParameterSchema.errors, file);
  return parameterProblems(data as Parameter).map(([path, reason]) => ({ file, path, reason }));
}

/** Problems with one shared criterion file (rules/criteria/…); its logic is checked in each rule that names it. */
export function checkCriterion(data: unknown, file: string): RuleProblem[] {
  return validateCriterionSchema(data) ? [] : schemaProblems(validateCriterionSchema.errors, file);
}

type RawCriterion = Criterion | { id: string; shared: string };

/** The rule with each shared criterion written out, and the names that match no shared criterion. */
function expandCriteria(rule: RuleFile, shared: SharedDefinitions): { rule: RuleFile; problems: [string, string][] } {
  const problems: [string, string][] = [];
  const criteria = (rule.criteria as RawCriterion[]).map((c, i): Criterion => {
    if (!('shared' in c)) return c;
    const found = Object.hasOwn(shared.criteria, c.shared) ? shared.criteria[c.shared] : undefined;
    if (!found) problems.push([`/criteria/${i}/shared`, `names no file rules/criteria/${c.shared}.json`]);
    return { id: c.id, label: found?.label ?? sameText(c.shared), logic: found?.logic ?? false };
  });
  return { rule: { ...rule, criteria }, problems };
}

/** A rule file checked against the schema, its shared criteria written out, and every problem found. */
export function checkRule(data: unknown, file: string, shared: SharedDefinitions): { rule: RuleFile | null; problems: RuleProblem[] } {
  if (!validateSchema(data)) return { rule: null, problems: schemaProblems(validateSchema.errors, file) };
  const fileId = file.match(/([^/\\]+)\.json$/)?.[1] ?? null;
  const expanded = expandCriteria(data as unknown as RuleFile, shared);
  const found = [...expanded.problems, ...semanticProblems(expanded.rule, fileId, shared.parameters)];
  const problems = found.map(([path, reason]) => ({ file, path, reason }));
  return { rule: problems.length === 0 ? expanded.rule : null, problems };
}

/** " at line L, column C" for a JSON.parse error. */
function lineAndColumn(text: string, error: Error): string {
  const at = jsonErrorAt(text, error);
  return at ? ` at line ${at.line}, column ${at.column}` : '';
}

function parseJson(text: string, file: string): { data: unknown; problems: RuleProblem[] } {
  try {
    return { data: JSON.parse(text), problems: [] };
  } catch (e) {
    return {
      data: null,
      problems: [{ file, path: '/', reason: `not valid JSON${lineAndColumn(text, e as Error)}: ${(e as Error).message}` }],
    };
  }
}

/** Parses and checks a shared parameter file's text. */
export function parseParameter(text: string, file: string): { parameter: Parameter | null; problems: RuleProblem[] } {
  const { data, problems } = parseJson(text, file);
  if (problems.length > 0) return { parameter: null, problems };
  const found = checkParameter(data, file);
  return { parameter: found.length === 0 ? (data as Parameter) : null, problems: found };
}

/** Parses and checks a shared criterion file's text. */
export function parseCriterion(text: string, file: string): { criterion: SharedCriterion | null; problems: RuleProblem[] } {
  const { data, problems } = parseJson(text, file);
  if (problems.length > 0) return { criterion: null, problems };
  const found = checkCriterion(data, file);
  return { criterion: found.length === 0 ? (data as SharedCriterion) : null, problems: found };
}

/** Parses and checks a rule file's text. */
export function parseRule(text: string, file: string, shared: SharedDefinitions): { rule: RuleFile | null; problems: RuleProblem[] } {
  const { data, problems } = parseJson(text, file);
  return problems.length > 0 ? { rule: null, problems } : checkRule(data, file, shared);
}

/**
 * What no single file can show: every `instead` names a rule that exists, and no chain of them
 * comes back to where it started (which would leave neither benefit counted).
 */
export function ruleSetProblems(rules: { rule: RuleFile; file: string }[]): RuleProblem[] {
  const ids = new Set(rules.map(({ rule }) => rule.id));
  const problems: RuleProblem[] = [];
  const next = new Map(rules.map(({ rule }) => [rule.id, (rule.instead ?? []).map((i) => i.of)]));
  for (const { rule, file } of rules) {
    (rule.instead ?? []).forEach(({ of }, i) => {
      if (of === rule.id) problems.push({ file, path: `/instead/${i}/of`, reason: 'names the rule itself' });
      else if (!ids.has(of)) problems.push({ file, path: `/instead/${i}/of`, reason: `names no rule file: "${of}"` });
    });
    const seen = new Set<string>();
    const walk = (id: string, path: string[]): string[] | null => {
      for (const to of next.get(id) ?? []) {
        if (to === rule.id) return [...path, to];
        if (seen.has(to) || to === id) continue;
        seen.add(to);
        const cycle = walk(to, [...path, to]);
        if (cycle) return cycle;
      }
      return null;
    };
    const cycle = walk(rule.id, [rule.id]);
    if (cycle && cycle.length > 2) problems.push({ file, path: '/instead', reason: `goes round in a circle: ${cycle.join(' → ')}` });
  }
  return problems;
}

export const formatProblem = (p: RuleProblem) => `${p.file}: ${p.path}: ${p.reason}`;
