/**
 * Date and list operations added to json-logic-js, which has none. The operation registry is
 * global to the json-logic-js module, so they are registered once, on first import.
 * Each receives already-evaluated arguments.
 */
import jsonLogic from 'json-logic-js';
import { completedMonths, daysBetween, plusDays, plusMonths, plusYears } from './dates';

export const customOperations = {
  /** {"addDays": [date, n]} → the ISO date n days later (n may be negative). */
  addDays: (date: string, n: number) => plusDays(date, n),
  /** {"addMonths": [date, n]} → n calendar months later, clamped to the month's end. */
  addMonths: (date: string, n: number) => plusMonths(date, n),
  /** {"addYears": [date, n]} → n years later (02-29 → 02-28). */
  addYears: (date: string, n: number) => plusYears(date, n),
  /** {"daysBetween": [from, to]} → signed whole days. */
  daysBetween: (from: string, to: string) => daysBetween(from, to),
  /** {"monthsBetween": [from, to]} → completed months, as member.ageMonths counts them. */
  monthsBetween: (from: string, to: string) => completedMonths(from, to),
  /** {"count": [list]} → its length. */
  count: (list: unknown[]) => (Array.isArray(list) ? list.length : 0),
} as const;

export const customOperationNames = Object.keys(customOperations);

for (const [name, fn] of Object.entries(customOperations)) {
  jsonLogic.add_operation(name, fn as (...args: unknown[]) => unknown);
}

export { jsonLogic };
