import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { columnFor, legendCsv, parseBatchCsv, screenRow, templateColumns, templateCsv } from '../../src/lib/batch';
import { enumWords } from '../../src/lib/batch/columns';
import { householdFields } from '../../src/lib/engine/inputModel';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';

const ruleSet = loadRuleSetOrThrow();
const read = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('the template', () => {
  it.each(['2024-10-15', '2025-03-01', '2027-12-31'])('has example rows dated from today (%s) that screen without a problem', (today) => {
    const text = templateCsv(today);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [headers, first, second] = read(text);
    expect(headers).toEqual(templateColumns().map((c) => c.header));
    const cell = (row: string[], header: string) => row[headers.indexOf(header)];
    expect(cell(first, '기준일')).toBe(today);
    expect(cell(first, '성인1 출산예정일') > today).toBe(true);
    expect(cell(second, '자녀2 생년월일') < today).toBe(true);

    const sheet = parseBatchCsv(text, today);
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows.map((r) => r.problems)).toEqual([[], []]);
    const [pregnancy, newborn] = sheet.rows.map((r) => screenRow(r, ruleSet, today).evaluation!.results);
    expect(pregnancy.find((r) => r.id === 'postpartum-care')?.status).toBe('upcoming');
    expect(newborn.find((r) => r.id === 'first-meeting-voucher')?.status).toBe('eligible');
  });
});

describe('the legend', () => {
  const [header, ...rows] = read(legendCsv());
  const byHeader = new Map(rows.map((r) => [r[0], r]));

  it('has one line per column, adults and children numbered N, each with how to write it', () => {
    expect(header).toEqual(['열 이름', '영문 키', '적는 법', '설명 (입력 모델)']);
    const expected = [
      '가구ID',
      ...Object.keys(householdFields).map((f) => columnFor(f)!.header),
      ...templateColumns(1, 1)
        .filter((c) => c.group.kind !== 'household')
        .map((c) => c.header.replace('1 ', 'N ')),
    ];
    for (const h of expected) expect(byHeader.get(h)?.[2], h).toBeTruthy();
    expect(rows.filter((r) => r[1] !== '')).toHaveLength(expected.length);
  });

  it('spells out the values each kind of column takes', () => {
    expect(byHeader.get('거주지')![2]).toMatch(/서울특별시.*시·도 이름/);
    expect(byHeader.get('월소득인정액')![2]).toMatch(/420만원.*100,000원 미만은 단위/);
    expect(byHeader.get('성인N 생년월일')![2]).toMatch(/^YYYY-MM-DD/);
    expect(byHeader.get('성인N 임신중')![2]).toMatch(/^예: 예, .* \/ 아니오: 아니오/);
    for (const [word, value] of Object.entries(enumWords.careStatus))
      expect(byHeader.get('성인N 보호상태')![2]).toContain(`${word} (${value})`);
  });
});
