import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sheetReason, templateCsv, type SheetText } from '../../src/lib/batch';
import { BatchSession, PROBLEM_LIMIT, type BatchFilter, type DownloadKind } from '../../src/lib/batch/session';
import { joinParts, mergeSummaries, planPages } from '../../src/lib/batch/shards';
import type { Locale } from '../../src/lib/languages';
import { lang } from '../text';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { encodeCp949 } from './cp949';
import { PAYLOADS } from './payloads';

const ruleSet = loadRuleSetOrThrow();
const { rules } = ruleSet;
const HEADER = '가구ID,기준일,거주지,월소득인정액,성인1 생년월일,성인1 성별,성인1 임신중,자녀1 생년월일,자녀1 서울출생신고';
const sheet = [
  HEADER,
  'H1,2024-10-15,서울,4200000,1993-05-02,여,아니오,2024-10-01,',
  'H2,2024-10-15,서울,-1,1993-05-02,여,아니오,,',
  'H3,2024-10-15,기타,3000000,1988-01-01,남,아니오,2020-03-03,예',
].join('\r\n');

async function screened() {
  const session = new BatchSession(ruleSet);
  return { session, summary: await session.screen(sheet) };
}

/** A download as text (one shard's: its header, then its lines). */
const text = (session: BatchSession, kind: DownloadKind, filter: BatchFilter, code: Locale) =>
  joinParts([session.download(kind, filter, lang(code))]).text();
const rowsOf = (csvText: string) => Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);

describe('a screened sheet', () => {
  it('counts households, bad rows and result lines per status', async () => {
    const { summary } = await screened();
    expect(summary.households).toBe(3);
    expect(summary.invalid).toBe(1);
    const lines = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    expect(lines).toBe(2 * rules.length + 1);
    expect(summary.problems.map((p) => [p.row, p.column, sheetReason(p.reason, lang('ko').t, 'ko')])).toEqual([
      [3, '월소득인정액', '0보다 작은 금액은 입력할 수 없어요'],
    ]);
    expect(summary.problemCount).toBe(1);
  });

  it("writes benefit names the page hands over, where the session's rules lack the CSV's language", async () => {
    const { session } = await screened();
    const named = { 'postpartum-care': 'Chăm sóc sau sinh (tên trang)' };
    const csvText = await joinParts([
      session.download('results', { benefit: 'postpartum-care', status: '' }, lang('vi'), undefined, named),
    ]).text();
    expect(rowsOf(csvText).map((cells) => cells[3])).toEqual([named['postpartum-care'], named['postpartum-care']]);
    const plain = await text(session, 'results', { benefit: 'postpartum-care', status: '' }, 'vi');
    expect(rowsOf(plain).map((cells) => cells[3])).toEqual([
      rules.find((r) => r.id === 'postpartum-care')!.names.vi,
      rules.find((r) => r.id === 'postpartum-care')!.names.vi,
    ]);
  });

  it('pages through the lines matching a benefit and a status', async () => {
    const { session } = await screened();
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

  it("writes the CLI's results CSV, of every line or only the filtered ones", async () => {
    const { session } = await screened();
    expect(rowsOf(await text(session, 'results', { benefit: '', status: '' }, 'ko'))).toHaveLength(2 * rules.length + 1);
    const unknown = rowsOf(await text(session, 'results', { benefit: 'postpartum-care', status: 'unknown' }, 'en'));
    expect(unknown.map((l) => [l[1], l[2], l[4]])).toEqual([['H1', 'postpartum-care', 'Needs checking']]);
    expect(rowsOf(await text(session, 'results', { benefit: '', status: 'invalid' }, 'ko')).map((l) => [l[1], l[4]])).toEqual([
      ['H2', '입력 오류'],
    ]);
  });

  it('writes the per-household summary of the households with a matching line', async () => {
    const { session } = await screened();
    const all = rowsOf(await text(session, 'summary', { benefit: '', status: '' }, 'ko'));
    expect(all.map((l) => l[1])).toEqual(['H1', 'H2', 'H3']);
    // The monthly ceilings column comes after the problems: the summary was extended, not reordered.
    expect(all[1].slice(-2)).toEqual(['월소득인정액: 0보다 작은 금액은 입력할 수 없어요', '']);
    const unknown = rowsOf(await text(session, 'summary', { benefit: 'postpartum-care', status: 'unknown' }, 'ko'));
    expect(unknown.map((l) => l[1])).toEqual(['H1']);
  });

  it('re-evaluates one household in full for its detail, as when it was screened', async () => {
    const { session } = await screened();
    const detail = session.detail(2)!;
    expect(detail).toMatchObject({ row: 2, id: 'H1', memberGroups: ['성인1', '자녀1'] });
    expect(detail.evaluation.results).toHaveLength(rules.length);
    expect(detail.evaluation.results.find((r) => r.id === 'postpartum-care')).toMatchObject({ status: 'unknown' });
    expect(session.detail(3)).toBeNull();
    expect(session.detail(99)).toBeNull();
  });

  it('writes formula payloads inert in both downloads (the browser download)', async () => {
    const session = new BatchSession(ruleSet);
    const rows = PAYLOADS.map((p) => `"${p.replace(/"/g, '""')}",2024-10-15,서울,4200000,1993-05-02,여,아니오,2024-10-01,`);
    await session.screen([HEADER, ...rows].join('\r\n'));
    const expected = PAYLOADS.map((p, i) => (p.trim() === '' ? String(i + 1) : `'${p.trim()}`));
    const all = { benefit: '', status: '' } as const;
    expect([...new Set(rowsOf(await text(session, 'results', all, 'ko')).map((l) => l[1]))]).toEqual([...new Set(expected)]);
    expect(rowsOf(await text(session, 'summary', all, 'ko')).map((l) => l[1])).toEqual(expected);
  });

  it('screens a CP949 file as its UTF-8 twin', async () => {
    const [utf8, cp949] = [new BatchSession(ruleSet), new BatchSession(ruleSet)];
    expect(await cp949.screen(new Blob([encodeCp949(sheet)]))).toEqual({ ...(await utf8.screen(sheet)), ms: expect.any(Number) });
    const all = { benefit: '', status: '' } as const;
    expect(await text(cp949, 'results', all, 'ko')).toBe(await text(utf8, 'results', all, 'ko'));
  });

  it('refuses a sheet that names a column twice', async () => {
    const summary = await new BatchSession(ruleSet).screen('가구ID,자녀1 생년월일,child1.birthDate\nH1,2020-01-01,2020-01-01\n');
    expect([summary.refused, summary.households]).toEqual([true, 0]);
    expect((summary.problems[0].reason as SheetText).en).toMatch(/"자녀1 생년월일", "child1\.birthDate"/);
  });

  it('screens the downloadable template as it is', async () => {
    const session = new BatchSession(ruleSet);
    const summary = await session.screen(new TextEncoder().encode(templateCsv()));
    expect([summary.households, summary.invalid, summary.problemCount]).toEqual([2, 0, 0]);
  });

  it('sends at most PROBLEM_LIMIT problems, and says how many there are', async () => {
    const bad = [HEADER, ...Array.from({ length: PROBLEM_LIMIT + 5 }, (_, i) => `B${i},2024-10-15,서울,x,1990-01-01,여,아니오,,`)].join(
      '\n',
    );
    const summary = await new BatchSession(ruleSet).screen(bad);
    expect(summary.problems).toHaveLength(PROBLEM_LIMIT);
    expect(summary.problemCount).toBe(PROBLEM_LIMIT + 5);
  });
});

describe('a sheet screened in shards', async () => {
  const big = [
    `${HEADER},비고`,
    ...Array.from({ length: 10 }, (_, i) =>
      i % 4 === 1
        ? `S${i},2024-10-15,서울,x,1990-01-01,여,아니오,,,`
        : `S${i},2024-10-15,서울,${i}000000,1990-01-01,여,아니오,2024-0${(i % 9) + 1}-01,예,`,
    ),
  ].join('\r\n');
  const whole = new BatchSession(ruleSet);
  const wholeSummary = await whole.screen(big);
  const shards = [0, 1, 2].map(() => new BatchSession(ruleSet));
  const merged = mergeSummaries(
    await Promise.all(shards.map((s, index) => s.screen(new Blob([big]), { shard: { index, of: 3 } }))),
    wholeSummary.ms,
  );

  function query(filter: BatchFilter, offset: number, limit: number) {
    const totals = shards.map((s) => s.query(filter, 0, 0).total);
    return planPages(totals, offset, limit).flatMap((p) => shards[p.shard].query(filter, p.offset, p.limit).lines);
  }

  it("sum up to the same summary, the sheet's own problem reported once", () => {
    expect(shards.map((s) => s.query({ benefit: '', status: '' }, 0, 0).total).every((n) => n > 0)).toBe(true);
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

  it('write the same CSVs', async () => {
    for (const kind of ['results', 'summary'] as DownloadKind[]) {
      for (const filter of [
        { benefit: '', status: '' },
        { benefit: 'postpartum-care', status: 'unknown' },
        { benefit: '', status: 'error' },
      ] as BatchFilter[]) {
        const joined = await joinParts(shards.map((s) => s.download(kind, filter, lang('ko')))).text();
        expect(joined).toBe(await joinParts([whole.download(kind, filter, lang('ko'))]).text());
      }
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
