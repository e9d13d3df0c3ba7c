import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFile, safeCell } from '../../src/lib/batch/csv';
import { PAYLOADS } from './payloads';

describe('safe CSV cells', () => {
  it.each(PAYLOADS)('neutralises %j with a leading single quote', (payload) => {
    expect(safeCell(payload)).toBe(`'${payload}`);
  });

  it.each(['-1500', '-0.5', '4200000', 4200000, -1500, 0])('keeps the number %j a number', (value) => {
    expect(safeCell(value)).toBe(String(value));
  });

  it.each(['H1', '서울', '자녀1 서울출생신고', 'a=b', 'x+1', '', '1,500'])('leaves the plain text %j alone', (text) => {
    expect(safeCell(text)).toBe(text);
  });

  it('writes nothing for a missing value', () => {
    expect([safeCell(null), safeCell(undefined), safeCell(Number.NaN)]).toEqual(['', '', '']);
  });

  it('writes a file (BOM, CRLF) that reads back as the neutralised text, quotes and all', () => {
    const text = csvFile(
      ['id', 'amount'],
      PAYLOADS.map((p, i) => [p, -i]),
    );
    expect(text.startsWith('\uFEFFid,amount\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toEqual(PAYLOADS.map((p, i) => [`'${p}`, String(-i)]));
  });
});
