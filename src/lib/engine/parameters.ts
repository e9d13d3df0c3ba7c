/**
 * Dated parameters, in the style of OpenFisca's parameter tree: a figure that changes over time is
 * a set of values keyed by the ISO date each starts on, every value with its own source. Figures
 * many rules share (기준 중위소득, the 한부모 income limit) live once in rules/parameters/ and rules
 * name them; the rest sit in their rule file.
 */
import type { Text } from './types';

export const UNITS = ['KRW', 'percent', 'months', 'years', 'weeks', 'days', 'hours', 'count', 'date', 'KRW by household size'] as const;
export type Unit = (typeof UNITS)[number];

/** A value that changes over time: keys are ISO start dates, each value applies until the next key. */
export type Dated<T> = Record<string, T>;

export interface DatedValue<T = unknown> {
  value: T;
  /** Where this value comes from: the seed section, law or notice, article or page (every file has it; the app's shipped copy drops it). */
  reference?: string;
  url?: string;
}

export interface Parameter<T = unknown> {
  unit: Unit;
  description?: Text;
  values: Dated<DatedValue<T>>;
}

/** A rule's use of a shared parameter, by its path under rules/parameters/ (without `.json`). */
export interface SharedParameter {
  shared: string;
}

/** Every shared parameter, by path: `median-income`, `single-parent/income-limit-percent`, … */
export type ParameterTree = Record<string, Parameter>;

/** 기준 중위소득 by household size (1–7 persons), which the engine itself needs for income facts. */
export const MEDIAN_INCOME = 'median-income';

/** The entry in force on asOf, or undefined before the first start date. */
export function valueOn<T>(values: Dated<T>, asOf: string): T | undefined {
  let found: T | undefined;
  let foundStart = '';
  for (const start in values) {
    if (start <= asOf && start > foundStart) {
      found = values[start];
      foundStart = start;
    }
  }
  return found;
}

/** The parameter's value in force on asOf. */
export const parameterOn = <T>(parameter: Parameter<T>, asOf: string): T | undefined => valueOn(parameter.values, asOf)?.value;

/** The parameter a rule declares, its own or the shared one it names (undefined: no such shared parameter). */
export const resolveParameter = (declared: Parameter | SharedParameter, tree: ParameterTree): Parameter | undefined =>
  'shared' in declared ? (Object.hasOwn(tree, declared.shared) ? tree[declared.shared] : undefined) : declared;

/**
 * 기준 중위소득 (KRW/month) for a household of `size` on asOf. Households larger than the
 * table add, per person beyond 7, the difference between the 7- and 6-person amounts, as the
 * 보건복지부 notice says.
 */
export function medianIncomeFor(size: number, asOf: string, tree: ParameterTree): number | undefined {
  const parameter = tree[MEDIAN_INCOME] as Parameter<number[]> | undefined;
  const table = parameter && parameterOn(parameter, asOf);
  if (!table || !Number.isInteger(size) || size < 1) return undefined;
  if (size <= table.length) return table[size - 1];
  const last = table[table.length - 1];
  const step = last - table[table.length - 2];
  return last + step * (size - table.length);
}

/** The largest monthly income, in whole won, at or under `percent` of the median. */
export function incomeLimitWon(size: number, percent: number, asOf: string, tree: ParameterTree): number | undefined {
  const median = medianIncomeFor(size, asOf, tree);
  return median === undefined ? undefined : Math.floor((median * percent) / 100);
}
