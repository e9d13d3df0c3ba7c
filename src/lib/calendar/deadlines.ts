/**
 * The dates a resident should have in her calendar: the last day to apply (applyBy) and the day a
 * benefit opens (upcomingDate, e.g. an application window or a birth), for the household and for
 * each member a benefit counts. Past dates and benefits that do not apply are left out.
 */
import type { RuleResult } from '../engine';

/** A calendar's alarm goes off this many days before each date, in the morning. */
export const ALARM_DAYS_BEFORE = 3;

/** applyBy: the last day to apply; opens: from this day on it can be applied for. */
export type DeadlineKind = 'applyBy' | 'opens';

export interface Deadline {
  /** The benefit's rule id. */
  id: string;
  kind: DeadlineKind;
  /** YYYY-MM-DD. */
  date: string;
}

const counts = (status: RuleResult['status']) => status === 'eligible' || status === 'unknown' || status === 'upcoming';

/** One deadline per benefit, kind and date, in date order. */
export function deadlinesOf(result: RuleResult, asOf: string): Deadline[] {
  if (!counts(result.status) || result.replacedBy) return [];
  const sources = [result, ...(result.candidates ?? []).filter((c) => counts(c.status) && !c.replacedBy)];
  const seen = new Map<string, Deadline>();
  for (const source of sources) {
    const dates: [DeadlineKind, string | null][] = [
      ['opens', source.upcomingDate],
      ['applyBy', source.applyBy],
    ];
    for (const [kind, date] of dates) {
      if (date && date >= asOf) seen.set(`${kind} ${date}`, { id: result.id, kind, date });
    }
  }
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/** Every benefit's deadlines, in date order. */
export function allDeadlines(results: RuleResult[], asOf: string): Deadline[] {
  return results.flatMap((r) => deadlinesOf(r, asOf)).sort((a, b) => a.date.localeCompare(b.date));
}
