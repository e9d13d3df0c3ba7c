import medianIncomeTable from '../../../rules/parameters/median-income.json';

/** A value that changes over time: keys are ISO start dates, each value applies until the next key. */
export type Dated<T> = Record<string, T>;

/** The value in force on asOf, or undefined before the first start date. */
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

/**
 * 기준 중위소득 (KRW/month) for a household of `size` on asOf. Households larger than the
 * table add, per person beyond 7, the difference between the 7- and 6-person amounts, as the
 * 보건복지부 notice says.
 */
export function medianIncomeFor(size: number, asOf: string): number | undefined {
  const year = valueOn(medianIncomeTable.values as Dated<{ bySize: number[] }>, asOf);
  if (!year || !Number.isInteger(size) || size < 1) return undefined;
  const table = year.bySize;
  if (size <= table.length) return table[size - 1];
  const last = table[table.length - 1];
  const step = last - table[table.length - 2];
  return last + step * (size - table.length);
}

/** The largest monthly income, in whole won, at or under `percent` of the median. */
export function incomeLimitWon(size: number, percent: number, asOf: string): number | undefined {
  const median = medianIncomeFor(size, asOf);
  return median === undefined ? undefined : Math.floor((median * percent) / 100);
}
