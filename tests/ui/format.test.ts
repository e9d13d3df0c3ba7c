/** Dates are written with the year, month and day they have: never remapped by the platform's Date. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, plusDays } from '../../src/lib/engine/dates';
import { formatDate } from '../../src/lib/i18n/format';
import { runs } from '../fuzz';

const korean = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}년 ${m}월 ${d}일`;
};

describe('formatDate', () => {
  it('keeps years 1–99 as they are, where Date.UTC would read 1900–1999', () => {
    expect(formatDate('0099-03-05', 'ko')).toBe('99년 3월 5일');
    expect(formatDate('0050-02-15', 'en')).toBe('February 15, 50');
    expect(formatDate('0001-12-31', 'zh')).toBe('1年12月31日');
  });

  it('writes every date of the model years 1900–2100 with its own year, month and day', () => {
    const days = daysBetween('1900-01-01', '2100-12-31');
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: days }), fc.constantFrom(0, days)), (day) => {
        const iso = plusDays('1900-01-01', day);
        expect(formatDate(iso, 'ko')).toBe(korean(iso));
      }),
      { numRuns: runs(2_000) },
    );
    expect(formatDate('2100-12-31', 'en')).toBe('December 31, 2100');
    expect(formatDate('1900-01-01', 'vi')).toBe('1 tháng 1, 1900');
  });
});
