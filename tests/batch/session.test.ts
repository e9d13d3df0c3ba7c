import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sheetReason, templateCsv } from '../../src/lib/batch';
import { lang } from '../text';
import { decodeCsv } from '../../src/lib/batch/decode';
import { BatchSession, PROBLEM_LIMIT, type BatchFilter } from '../../src/lib/batch/session';
import { joinCsv, mergeSummaries, planPages } from '../../src/lib/batch/shards';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';

const ruleSet = loadRuleSetOrThrow();
const { rules } = ruleSet;
const HEADER = '가구ID,기준일,거주지,월소득인정액,성인1 생년월일,성인1 성별,성인1 임신중,자녀1 생년월일,자녀1 서울출생신고';
const sheet = [
  HEADER,
  'H1,2024-10-15,서울,4200000,1993-05-02,여,아니오,2024-10-01,',
  'H2,2024-10-15,서울,-1,1993-05-02,여,아니오,,',
  'H3,2024-10-15,기타,3000000,1988-01-01,남,아니오,2020-03-03,예',
].join('\r\n');

function screened() {
  const session = new BatchSession(ruleSet);
  return { session, summary: session.screen(sheet) };
}

describe('reading CSV bytes', () => {
  it("reads UTF-8 with or without a BOM, and falls back to EUC-KR (Korean Excel's plain CSV)", () => {
    const utf8 = new TextEncoder().encode('\uFEFF가구ID,거주지\r\nH1,서울\r\n');
    expect(decodeCsv(utf8)).toBe('가구ID,거주지\r\nH1,서울\r\n');
    // '가구ID,거주지,성인1 생년월일 / H1,서울,1990-01-01' as CP949 bytes.
    const eucKr = new Uint8Array([
      176, 161, 177, 184, 73, 68, 44, 176, 197, 193, 214, 193, 246, 44, 188, 186, 192, 206, 49, 32, 187, 253, 179, 226, 191, 249, 192, 207,
      13, 10, 72, 49, 44, 188, 173, 191, 239, 44, 49, 57, 57, 48, 45, 48, 49, 45, 48, 49, 13, 10,
    ]);
    expect(decodeCsv(eucKr)).toBe('가구ID,거주지,성인1 생년월일\r\nH1,서울,1990-01-01\r\n');
  });
});

describe('a screened sheet', () => {
  it('counts households, bad rows and result lines per status', () => {
    const { summary } = screened();
    expect(summary.households).toBe(3);
    expect(summary.invalid).toBe(1);
    const lines = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    expect(lines).toBe(2 * rules.length + 1);
    expect(summary.problems.map((p) => [p.row, p.column, sheetReason(p.reason, lang('ko').t, 'ko')])).toEqual([
      [3, '월소득인정액', '0보다 작은 금액은 입력할 수 없어요'],
    ]);
    expect(summary.problemCount).toBe(1);
  });

  it('pages through the lines matching a benefit and a status', () => {
    const { session } = screened();
    const all = session.query({ benefit: '', status: '' }, 0, 5);
    expect(all.total).toBe(2 * rules.length + 1);
    expect(all.lines).toHaveLength(5);
    expect(session.query({ benefit: '', status: '' }, all.total - 2, 5).lines).toHaveLength(2);

    const postpartum = session.query({ benefit: 'postpartum-care', status: '' }, 0, 10);
    expect(postpartum.lines.map((l) => [l.id, l.status])).toEqual([
      ['H1', 'unknown'],
      ['H3', 'ineligible'],
    ]);
    expect(postpartum.lines[0].missing).toEqual(['자녀1 서울출생신고']);

    const invalid = session.query({ benefit: '', status: 'invalid' }, 0, 10);
    expect(invalid.lines).toEqual([expect.objectContaining({ row: 3, id: 'H2', benefit: null, status: 'invalid' })]);
    expect(invalid.lines[0].problems[0].column).toBe('월소득인정액');
    // A benefit filter leaves out rows that could not be read: they have no result for any benefit.
    expect(session.query({ benefit: 'postpartum-care', status: 'invalid' }, 0, 10).total).toBe(0);
  });

  it("writes the CLI's results CSV, of every line or only the filtered ones", () => {
    const { session } = screened();
    const parse = (text: string) => Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(parse(session.csv({ benefit: '', status: '' }, lang('ko')))).toHaveLength(2 * rules.length + 1);
    const unknown = parse(session.csv({ benefit: 'postpartum-care', status: 'unknown' }, lang('en')));
    expect(unknown.map((l) => [l[1], l[2], l[4]])).toEqual([['H1', 'postpartum-care', 'Needs checking']]);
    expect(parse(session.csv({ benefit: '', status: 'invalid' }, lang('ko'))).map((l) => [l[1], l[4]])).toEqual([['H2', '입력 오류']]);
  });

  it('screens the downloadable template as it is', () => {
    const session = new BatchSession(ruleSet);
    const summary = session.screen(new TextEncoder().encode(templateCsv()));
    expect([summary.households, summary.invalid, summary.problemCount]).toEqual([2, 0, 0]);
  });

  it('sends at most PROBLEM_LIMIT problems, and says how many there are', () => {
    const bad = [HEADER, ...Array.from({ length: PROBLEM_LIMIT + 5 }, (_, i) => `B${i},2024-10-15,서울,x,1990-01-01,여,아니오,,`)].join(
      '\n',
    );
    const summary = new BatchSession(ruleSet).screen(bad);
    expect(summary.problems).toHaveLength(PROBLEM_LIMIT);
    expect(summary.problemCount).toBe(PROBLEM_LIMIT + 5);
  });
});

describe('a sheet screened in shards', () => {
  const big = [
    `${HEADER},비고`,
    ...Array.from({ length: 10 }, (_, i) =>
      i % 4 === 1
        ? `S${i},2024-10-15,서울,x,1990-01-01,여,아니오,,,`
        : `S${i},2024-10-15,서울,${i}000000,1990-01-01,여,아니오,2024-0${(i % 9) + 1}-01,예,`,
    ),
  ].join('\r\n');
  const whole = new BatchSession(ruleSet);
  const wholeSummary = whole.screen(big);
  const shards = [0, 1, 2].map(() => new BatchSession(ruleSet));
  const merged = mergeSummaries(
    shards.map((s, index) => s.screen(big, undefined, { index, of: 3 })),
    wholeSummary.ms,
  );

  function query(filter: BatchFilter, offset: number, limit: number) {
    const totals = shards.map((s) => s.query(filter, 0, 0).total);
    return planPages(totals, offset, limit).flatMap((p) => shards[p.shard].query(filter, p.offset, p.limit).lines);
  }

  it("sum up to the same summary, the sheet's own problem reported once", () => {
    expect(merged).toEqual(wholeSummary);
    expect(merged.problems.filter((p) => p.column === '비고')).toHaveLength(1);
  });

  it('page through the same lines in the same order', () => {
    for (const filter of [
      { benefit: '', status: '' },
      { benefit: 'postpartum-care', status: '' },
      { benefit: '', status: 'invalid' },
    ] as BatchFilter[]) {
      const total = whole.query(filter, 0, 0).total;
      for (const [offset, limit] of [
        [0, 7],
        [5, 50],
        [total - 3, 10],
        [total, 5],
      ]) {
        expect(query(filter, offset, limit), `${filter.benefit}/${filter.status} ${offset}+${limit}`).toEqual(
          whole.query(filter, offset, limit).lines,
        );
      }
    }
  });

  it('write the same results CSV', () => {
    for (const filter of [
      { benefit: '', status: '' },
      { benefit: 'postpartum-care', status: 'unknown' },
      { benefit: '', status: 'error' },
    ] as BatchFilter[]) {
      expect(joinCsv(shards.map((s) => s.csv(filter, lang('ko'))))).toBe(whole.csv(filter, lang('ko')));
    }
  });

  it('plan pages across shards, skipping empty ones', () => {
    expect(planPages([3, 0, 4], 2, 3)).toEqual([
      { shard: 0, offset: 2, limit: 1 },
      { shard: 2, offset: 0, limit: 2 },
    ]);
    expect(planPages([3, 4], 10, 5)).toEqual([]);
  });
});
