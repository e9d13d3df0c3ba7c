import fc from 'fast-check';
import { runs } from '../fuzz';
import { describe, expect, it } from 'vitest';
import {
  completedMonths,
  completedYears,
  daysBetween,
  isIsoDate,
  plusDays,
  plusMonths,
  plusYears,
  todayInSeoul,
  agesAt,
  inModelYears,
} from '../../src/lib/engine/dates';

describe('calendar dates', () => {
  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('20240101')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
    expect(isIsoDate('2024-01-01T00:00')).toBe(false);
    // Read by character codes: only ASCII digits, exactly ten characters.
    expect(isIsoDate('２０２４-01-01')).toBe(false);
    expect(isIsoDate('2024-0a-01')).toBe(false);
    expect(isIsoDate('2024-01-01\n')).toBe(false);
    expect(isIsoDate('2024/01/01')).toBe(false);
    expect(isIsoDate('2024-01-00')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(true);
  });

  it('adds days, months and years, clamping to the end of a shorter month', () => {
    expect(plusDays('2024-08-16', 60)).toBe('2024-10-15');
    expect(plusDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(plusMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(plusMonths('2024-07-15', 3)).toBe('2024-10-15');
    expect(plusYears('2024-02-29', 2)).toBe('2026-02-28');
  });

  it('counts signed whole days', () => {
    expect(daysBetween('2024-08-16', '2024-10-15')).toBe(60);
    expect(daysBetween('2024-10-15', '2024-08-16')).toBe(-60);
  });

  it('counts completed months: a child born 2022-10-15 is 24 months old on 2024-10-15 and 23 the day before', () => {
    expect(completedMonths('2022-10-15', '2024-10-15')).toBe(24);
    expect(completedMonths('2022-10-15', '2024-10-14')).toBe(23);
  });

  it('counts a month-end birth as one month old on the clamped date, not before', () => {
    expect(completedMonths('2024-01-31', '2024-02-28')).toBe(0);
    expect(completedMonths('2024-01-31', '2024-02-29')).toBe(1);
    expect(completedMonths('2024-03-31', '2024-04-30')).toBe(1);
  });

  it('puts 95 completed months (under 8) and 96 months either side of the eighth birthday', () => {
    expect(completedMonths('2016-10-16', '2024-10-15')).toBe(95);
    expect(completedMonths('2016-10-15', '2024-10-15')).toBe(96);
  });

  it('counts completed years (만 나이) on the birthday, not the day before', () => {
    expect(completedYears('2006-10-15', '2024-10-15')).toBe(18);
    expect(completedYears('2006-10-16', '2024-10-15')).toBe(17);
  });

  it('is negative before the start date', () => {
    expect(completedMonths('2024-05-10', '2024-03-01')).toBeLessThan(0);
  });

  it('counts age by calendar year (연 나이) from the years alone: 1999-12-31 and 1999-01-01 are both 25 all through 2024', () => {
    expect(agesAt('1999-12-31', '2024-01-01').calendarYears).toBe(25);
    expect(agesAt('1999-01-01', '2024-12-31').calendarYears).toBe(25);
    expect(agesAt('1999-12-31', '2023-12-31').calendarYears).toBe(24);
    expect(agesAt('2000-01-01', '2024-12-31').calendarYears).toBe(24);
  });

  it('gives a member its ages from one reading of each date, as completedMonths and daysBetween do', () => {
    const day = fc.integer({ min: -25_000, max: 47_000 }).map((n) => plusDays('1970-01-01', n));
    fc.assert(
      fc.property(day, day, (birth, asOf) => {
        expect(agesAt(birth, asOf)).toEqual({
          months: completedMonths(birth, asOf),
          calendarYears: Number(asOf.slice(0, 4)) - Number(birth.slice(0, 4)),
          days: daysBetween(birth, asOf),
        });
      }),
      { numRuns: runs(2_000) },
    );
  });

  it("gives today's date in Seoul, which is already tomorrow late in the UTC evening", () => {
    expect(todayInSeoul(new Date('2024-10-15T14:59:59Z'))).toBe('2024-10-15');
    expect(todayInSeoul(new Date('2024-10-15T15:00:00Z'))).toBe('2024-10-16');
  });

  it("agrees with the time-zone database's Asia/Seoul at any instant since 1988", () => {
    const seoul = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.date({ min: new Date('1988-10-10T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (now) => {
        expect(todayInSeoul(now)).toBe(seoul.format(now));
      }),
      { numRuns: runs(5_000) },
    );
  });
});

describe('calendar arithmetic against the platform calendar', () => {
  it('agrees with Date for day and month steps over three centuries of dates', () => {
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    for (let day = -40_000; day <= 70_000; day += 97) {
      const start = new Date(Date.UTC(1970, 0, 1 + day));
      const startIso = iso(start);
      expect(plusDays(startIso, 45)).toBe(iso(new Date(Date.UTC(1970, 0, 1 + day + 45))));
      expect(daysBetween('1970-01-01', startIso)).toBe(day);
      const n = day % 30;
      const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + n, 1));
      const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
      expect(plusMonths(startIso, n)).toBe(iso(target));
    }
  });
});

describe('dates at the edges of the calendar', () => {
  it('never writes a year of more than four digits: such arithmetic throws instead', () => {
    expect(plusDays('9999-12-31', 0)).toBe('9999-12-31');
    expect(() => plusDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => plusYears('2024-06-30', 7976)).toThrow(RangeError);
    expect(() => plusMonths('0000-01-01', -1)).toThrow(RangeError);
  });

  it('knows the years of the household model', () => {
    expect(inModelYears('1900-01-01')).toBe(true);
    expect(inModelYears('2100-12-31')).toBe(true);
    expect(inModelYears('1899-12-31')).toBe(false);
    expect(inModelYears('2101-01-01')).toBe(false);
    expect(inModelYears('0000-01-01')).toBe(false);
  });
});
