/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed as whole days with integer arithmetic.
 * Benefits count calendar days in Korea; no time of day or time zone enters. These run for every
 * fact of every household, so they avoid Date objects (a date library's parsing and time-zone
 * handling cost ~100× more here, and the engine must screen tens of thousands of households a second).
 */

/**
 * The years a date in the household model may have (birth dates, due dates, care end dates, asOf):
 * anything earlier or later is a typo, and would only feed the date arithmetic absurd figures.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Whether a calendar date (YYYY-MM-DD) falls in those years. */
export function inModelYears(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * A date as one integer, year · 512 + month · 32 + day: ordered as the dates are, and made without
 * allocating anything, as screening reads several dates of every member of every household.
 */
type Ymd = number;
const ymd = (y: number, m: number, d: number): Ymd => y * 512 + m * 32 + d;
const yearOf = (date: Ymd) => Math.floor(date / 512);
const monthOf = (date: Ymd) => (date >> 5) & 15;
const dayOf = (date: Ymd) => date & 31;
const INVALID = -1;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

const ZERO = 48;
/** The ASCII digits of value[from, to) as a number, or -1 if any is not a digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = value.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** YYYY-MM-DD in ASCII digits, a real calendar day, or INVALID. */
function parse(value: string): Ymd {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return INVALID;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? ymd(y, m, d) : INVALID;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parse(value) !== INVALID;
}

function ymdOf(iso: string): Ymd {
  const date = typeof iso === 'string' ? parse(iso) : INVALID;
  if (date === INVALID) throw new RangeError(`not a calendar date: ${String(iso)}`);
  return date;
}

/** Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's days_from_civil. */
function epochDay(date: Ymd): number {
  const y = yearOf(date);
  const m = monthOf(date);
  const d = dayOf(date);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromEpochDay(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Months and days as two digits, made once: rules' date arithmetic writes dates for every household. */
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));
/** Only four-digit years: arithmetic that leaves them has no date to give (never "10001-06-30"). */
function format(y: number, m: number, d: number): string {
  if (y < 0 || y > 9999) throw new RangeError(`date arithmetic left the calendar: year ${y}`);
  return `${y >= 1000 ? y : String(y).padStart(4, '0')}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

export const plusDays = (iso: string, n: number): string => fromEpochDay(epochDay(ymdOf(iso)) + n);

/** Month arithmetic clamps to the month's last day: 2024-01-31 + 1 month = 2024-02-29. */
function shiftMonths(date: Ymd, n: number): [y: number, m: number, d: number] {
  const index = yearOf(date) * 12 + (monthOf(date) - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return [ny, nm, Math.min(dayOf(date), daysInMonth(ny, nm))];
}

export const plusMonths = (iso: string, n: number): string => format(...shiftMonths(ymdOf(iso), n));

/** Years as 12-month steps, so 02-29 + 1 year = 02-28. */
export const plusYears = (iso: string, n: number): string => plusMonths(iso, 12 * n);

/** Signed whole days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number => epochDay(ymdOf(to)) - epochDay(ymdOf(from));

function monthsBetween(start: Ymd, end: Ymd): number {
  const months = (yearOf(end) - yearOf(start)) * 12 + (monthOf(end) - monthOf(start));
  // Only the day can overshoot: the shifted date has end's year and month.
  return Math.min(dayOf(start), daysInMonth(yearOf(end), monthOf(end))) > dayOf(end) ? months - 1 : months;
}

/**
 * Age in completed months (만 개월 수): the largest n with from + n months ≤ to, month arithmetic
 * clamping as in plusMonths (born 01-31: one month old on 02-29 in a leap year, not on 02-28).
 */
export const completedMonths = (from: string, to: string): number => monthsBetween(ymdOf(from), ymdOf(to));

/** Age in completed years (만 나이), on the same footing as completedMonths. */
export const completedYears = (from: string, to: string): number => Math.floor(completedMonths(from, to) / 12);

/**
 * A member's ages at asOf, each date read once: what facts need for every member of every
 * household. `months` as completedMonths; `calendarYears` is the age by calendar year (연 나이), as
 * programmes that admit "born in 1985–1999" count it: the years between the two dates' years;
 * `days` as daysBetween.
 */
export function agesAt(birthDate: string, asOf: string): { months: number; calendarYears: number; days: number } {
  const birth = ymdOf(birthDate);
  const on = ymdOf(asOf);
  return { months: monthsBetween(birth, on), calendarYears: yearOf(on) - yearOf(birth), days: epochDay(on) - epochDay(birth) };
}

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * Today's date in Asia/Seoul, whatever the machine's time zone. Korea has kept UTC+9 all year since
 * 1988 (no daylight saving), so this is arithmetic: Intl's time-zone data would cost ~30 ms of a
 * phone's start-up on first use.
 */
export function todayInSeoul(now: Date = new Date()): string {
  return new Date(now.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}
