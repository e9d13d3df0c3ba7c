import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  parseBatchCsv,
  resultsCsv,
  screenRow,
  sheetReason,
  templateCsv,
  templateColumns,
  columnFor,
  fieldHeaders,
  type SheetText,
} from '../../src/lib/batch';
import { lang } from '../text';
import { householdFields, memberFields } from '../../src/lib/engine/inputModel';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { run } from '../cli/helpers';

const en = lang('en');

const ruleSet = loadRuleSetOrThrow();
const { rules } = ruleSet;
const csv = (lines: string[]) => lines.join('\r\n');
const HEADER =
  '가구ID,기준일,거주지,월소득인정액,성인1 생년월일,성인1 성별,성인1 임신중,자녀1 생년월일,자녀1 서울출생신고,자녀2 생년월일,자녀2 서울출생신고';

describe('batch CSV columns', () => {
  it('has a Korean header for every input field', () => {
    for (const field of [...Object.keys(householdFields), ...Object.keys(memberFields)].filter((f) => f !== 'role')) {
      expect(fieldHeaders[field], field).toBeTruthy();
    }
  });

  it('reads Korean headers and English keys alike, numbered per adult and child', () => {
    expect(columnFor('자녀2 생년월일')).toMatchObject({ field: 'birthDate', group: { kind: 'child', n: 2 } });
    expect(columnFor('child2.birthDate')).toMatchObject({ field: 'birthDate', group: { kind: 'child', n: 2 } });
    expect(columnFor('월소득인정액')).toMatchObject({ field: 'monthlyIncome', group: { kind: 'household' } });
    expect(columnFor('자녀1 취미')).toBeNull();
  });

  it('offers an Excel-ready template (UTF-8 with BOM) whose every header it can read back', () => {
    const template = templateCsv();
    expect(template.startsWith('\uFEFF')).toBe(true);
    const [headers] = Papa.parse<string[]>(template.slice(1)).data;
    expect(headers).toEqual(templateColumns().map((c) => c.header));
    expect(headers.every((h) => columnFor(h) !== null)).toBe(true);
    const sheet = parseBatchCsv(template);
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows.map((r) => r.problems)).toEqual([[], []]);
  });
});

describe('parsing households from CSV', () => {
  it('builds a household with adults first and children in column order', () => {
    const sheet = parseBatchCsv(csv([HEADER, 'H1,2024-10-15,서울,"4,200,000",1993.05.02,여,아니오,2024-10-01,예,2021-01-05,예']));
    expect(sheet.rows[0].household).toEqual({
      asOf: '2024-10-15',
      residence: 'seoul',
      monthlyIncome: 4200000,
      members: [
        { role: 'adult', birthDate: '1993-05-02', sex: 'female', pregnant: false },
        { role: 'child', birthDate: '2024-10-01', birthRegisteredInSeoul: true },
        { role: 'child', birthDate: '2021-01-05', birthRegisteredInSeoul: true },
      ],
    });
  });

  it('reports every problem of a bad row at once, with its row number, column and reason, and still reads the others', () => {
    const sheet = parseBatchCsv(
      csv([
        HEADER,
        'H1,2024-10-15,서울,-5,1993-05-02,여,아니오,,,,',
        'H2,2024-10-15,어딘가,0x10,1993-02-30,여,아니오,,,,',
        'H3,2024-10-15,서울,200만,1993-05-02,여,모름,2024-10-20,예,,',
        'H4,2024-10-15,부산,300만원,1993-05-02,여,아니오,2024-10-01,예,,',
      ]),
    );
    const problems = sheet.rows.flatMap((r) => r.problems.map((p) => [p.row, p.column, sheetReason(p.reason, en.t, 'en')]));
    expect(problems).toEqual([
      [2, '월소득인정액', 'The amount cannot be negative'],
      [3, '거주지', expect.stringMatching(/^write one of: Seoul .*another 시·도 by name.* \("어딘가"\)$/)],
      [3, '월소득인정액', expect.stringMatching(/^write a number: .*\("0x10"\)$/)],
      [3, '성인1 생년월일', '1993-02-30 is not a real date'],
      [4, '성인1 임신중', 'write yes or no ("모름")'],
      [4, '자녀1 생년월일', 'The date cannot be after today (October 15, 2024)'],
    ]);
    expect(sheet.rows[3].household).toMatchObject({ residence: 'other', monthlyIncome: 3_000_000 });
  });

  it('refuses a row filling more member groups than a household may have, naming the first group too many in household order', () => {
    // Children's columns first in the sheet: household order is still adults, then children by number.
    const children = Array.from({ length: 30 }, (_, k) => `자녀${30 - k} 생년월일`);
    const header = ['가구ID', ...children, '성인1 생년월일'].join(',');
    const full = ['H1', ...children.map(() => '2020-01-01'), '1990-01-01'].join(',');
    const thirty = ['H2', ...children.map((_, k) => (k === 0 ? '' : '2020-01-01')), '1990-01-01'].join(',');
    const sheet = parseBatchCsv(csv([header, full, thirty]), '2024-10-15');
    expect(sheet.rows[0].household).toBeNull();
    expect(sheet.rows[0].problems.map((p) => [p.column, sheetReason(p.reason, en.t, 'en')])).toEqual([
      ['자녀30', expect.stringContaining('30')],
    ]);
    expect(sheet.rows[1].problems).toEqual([]);
    expect(sheet.rows[1].household?.members).toHaveLength(30);
  });

  it('reports a cell it could not read once, not again as the check that depends on it', () => {
    const sheet = parseBatchCsv(
      csv([HEADER, 'H1,2024-13-45,서울,100만,1993-05-02,여,예,2030-01-01,예,,', 'H2,2024-10-15,서울,100만,어제,여,,,,,']),
    );
    expect(sheet.rows.map((r) => r.problems.map((p) => p.column))).toEqual([['기준일'], ['성인1 생년월일']]);
  });

  it('names the engine checks in the sheet words: an impossible date and a birth after the evaluation date', () => {
    const sheet = parseBatchCsv(csv([HEADER, 'H1,2024-10-15,서울,100만,1993-02-30,여,아니오,2024-10-20,예,,']));
    expect(sheet.rows[0].problems.map((p) => [p.column, sheetReason(p.reason, en.t, 'en')])).toEqual([
      ['성인1 생년월일', '1993-02-30 is not a real date'],
      ['자녀1 생년월일', 'The date cannot be after today (October 15, 2024)'],
    ]);
  });

  it('refuses a row of more people than a household may have with one problem, before reading its cells', () => {
    const children = Array.from({ length: 9_997 }, (_, i) => `자녀${i + 1} 생년월일`);
    const header = ['가구ID', '거주지', '성인1 생년월일', ...children].join(',');
    const wide = ['H1', '서울', '1990-01-01', ...children.map(() => 'not a date')].join(',');
    const thirty = ['H2', '서울', '1990-01-01', ...children.map((_, i) => (i < 29 ? '2020-01-01' : ''))].join(',');
    const sheet = parseBatchCsv(csv([header, wide, thirty]));
    expect(sheet.rows[0]).toMatchObject({ id: 'H1', household: null, memberGroups: [] });
    expect(sheet.rows[0].problems).toEqual([{ row: 2, column: '자녀30', reason: { code: 'members.tooMany', params: { max: 30 } } }]);
    expect(sheet.rows[1].problems).toEqual([]);
    expect(sheet.rows[1].household?.members).toHaveLength(30);
    expect(screenRow(sheet.rows[0], ruleSet).evaluation).toBeNull();
  });

  it('refuses a household size below the people listed, at its column', () => {
    const sheet = parseBatchCsv(
      csv(['가구ID,가구원수,성인1 생년월일,자녀1 생년월일,자녀2 생년월일', 'H1,1,1990-01-01,2020-01-01,2021-01-01']),
    );
    expect(sheet.rows[0].problems.map((p) => [p.column, sheetReason(p.reason, en.t, 'en')])).toEqual([
      ['가구원수', 'The household size cannot be less than the 3 people listed'],
    ]);
  });

  it('says an empty file is empty, in every language, instead of a parser message', async () => {
    for (const empty of ['', '\uFEFF', '\r\n\r\n', '  ']) {
      const sheet = parseBatchCsv(empty);
      expect(sheet.rows).toEqual([]);
      expect(sheet.problems).toHaveLength(1);
      const reason = sheet.problems[0].reason as SheetText;
      expect(reason.ko).toMatch(/^파일이 비어 있습니다/);
      expect([reason.en, reason.zh, reason.vi].every((t) => t && !/delimit/i.test(t))).toBe(true);
    }
    const { code, stderr } = await run(['screen', '-'], '', ruleSet);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^row 1: 파일이 비어 있습니다/);
  });

  it('reads a sheet of one column (no delimiter to detect) without a complaint', () => {
    const sheet = parseBatchCsv(csv(['성인1 생년월일', '1990-01-01']));
    expect(sheet.problems).toEqual([]);
    expect(sheet.rows[0].household).toEqual({ members: [{ role: 'adult', birthDate: '1990-01-01' }] });
  });

  it('flags unknown columns without losing the rows', () => {
    const sheet = parseBatchCsv(csv(['가구ID,성인1 생년월일,비고', 'H1,1990-01-01,메모']));
    expect(sheet.problems.map((p) => [p.row, p.column])).toEqual([[1, '비고']]);
    expect(sheet.rows[0].household).not.toBeNull();
  });
});

describe('screening results', () => {
  const sheet = parseBatchCsv(
    csv([HEADER, 'H1,2024-10-15,서울,4200000,1993-05-02,여,아니오,2024-10-01,,,', 'H2,2024-10-15,서울,-1,1993-05-02,여,아니오,,,,']),
  );
  const rows = sheet.rows.map((r) => screenRow(r, ruleSet));

  it('gives every benefit for a good row and one "invalid input" line for a bad one', () => {
    const out = Papa.parse<string[]>(resultsCsv(rows, rules, lang('ko')).slice(1), { skipEmptyLines: true }).data;
    expect(out[0]).toEqual(['행', '가구ID', '혜택ID', '혜택', '상태', '금액(원)', '단위', '신청기한', '시작일', '확인 필요 항목', '사유']);
    expect(out.filter((l) => l[1] === 'H1')).toHaveLength(rules.length);
    expect(out.filter((l) => l[1] === 'H2')).toEqual([
      ['3', 'H2', '', '', '입력 오류', '', '', '', '', '', '월소득인정액: 0보다 작은 금액은 입력할 수 없어요'],
    ]);
  });

  it('names what is missing in the sheet words', () => {
    const out = Papa.parse<string[]>(resultsCsv(rows, rules, lang('ko')).slice(1), { skipEmptyLines: true }).data;
    const postpartum = out.find((l) => l[1] === 'H1' && l[2] === 'postpartum-care')!;
    expect(postpartum[4]).toBe('확인이 필요해요');
    expect(postpartum[9]).toBe('자녀1 서울출생신고');
  });
});

describe('benefits screen', () => {
  it('writes the results CSV to stdout and the bad rows to stderr, exiting 0', async () => {
    const input = csv([
      HEADER,
      'H1,2024-10-15,서울,4200000,1993-05-02,여,아니오,2024-10-01,예,,',
      'H2,2024-10-15,서울,x,1993-05-02,여,아니오,,,,',
    ]);
    const { code, stdout, stderr } = await run(['screen', '-', '--lang', 'en'], input, ruleSet);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFFrow,household,benefit id')).toBe(true);
    expect(stdout).toContain('2,H1,postpartum-care,Seoul postpartum care allowance,You can get,1000000,once,2024-11-30');
    expect(stderr).toBe('row 3, 월소득인정액: write a number: 4200000, 4,200,000, 420만 or 420만원 ("x")\n');
  });

  it('exits 2 with stdout empty on an impossible --as-of', async () => {
    const { code, stdout, stderr } = await run(['screen', '-', '--as-of', '2024-02-30'], HEADER, ruleSet);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^asOf: /);
  });
});
