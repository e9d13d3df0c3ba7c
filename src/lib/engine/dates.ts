/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Benefits count whole calendar days in Korea,
 * so arithmetic runs on local-midnight Dates and never touches the time of day.
 */
import { addDays, addMonths, addYears, differenceInCalendarDays, format, isValid, parse } from 'date-fns';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
}

function toDate(iso: string): Date {
  if (!isIsoDate(iso)) throw new RangeError(`not a calendar date: ${String(iso)}`);
  return parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

function toIso(d: Date): string {
  return format(d, 'yyyy-MM-dd');
}

export const plusDays = (iso: string, n: number): string => toIso(addDays(toDate(iso), n));

/** Month arithmetic clamps to the month's last day: 2024-01-31 + 1 month = 2024-02-29. */
export const plusMonths = (iso: string, n: number): string => toIso(addMonths(toDate(iso), n));

export const plusYears = (iso: string, n: number): string => toIso(addYears(toDate(iso), n));

/** Signed whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number =>
  differenceInCalendarDays(toDate(to), toDate(from));

/**
 * Age in completed months (만 개월 수): the largest m with from + m months ≤ to, where month
 * arithmetic clamps as in plusMonths (born 01-31: one month old on 02-29 in a leap year).
 * date-fns' differenceInMonths treats month ends specially (01-31 → 02-28 counts as a month),
 * which would move every "N개월 이하" boundary for month-end births, so the rule is spelled out here.
 */
export function completedMonths(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  while (plusMonths(from, months) > to) months -= 1;
  while (plusMonths(from, months + 1) <= to) months += 1;
  return months;
}

/** Age in completed years (만 나이), on the same footing as completedMonths. */
export const completedYears = (from: string, to: string): number => Math.floor(completedMonths(from, to) / 12);

/** Today's date in Asia/Seoul, whatever the machine's time zone. */
export function todayInSeoul(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
