/**
 * `benefits screen` as staff and other tools use it: streamed in slices (output in input order),
 * formula payloads inert, CP949 read as the browser reads it, a repeated column refused, the
 * per-household summary beside the long format, progress only when asked, and --jobs 2 (worker
 * threads, through the real command) writing exactly what one job writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { parseBatchCsv, screenRow } from '../../src/lib/batch';
import { groupResults } from '../../src/lib/results/group';
import { PAYLOADS } from '../batch/payloads';
import { encodeCp949 } from '../batch/cp949';
import { householdsCsv } from '../bench/householdsCsv';
import { run } from './helpers';

const ruleSet = loadRuleSetOrThrow();
const { rules } = ruleSet;
const read = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const HEADER = '가구ID,기준일,거주지,월소득인정액,성인1 생년월일,성인1 성별,자녀1 생년월일';
const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;

describe('benefits screen', () => {
  it('neutralises formula payloads in every cell it writes, in the results and the summary', async () => {
    const input = [HEADER, ...PAYLOADS.map((p) => `${csvCell(p)},2024-10-15,서울,"4,200,000",1990-01-01,여,2024-09-01`)].join('\r\n');
    const { code, stdout, files } = await run(['screen', '-', '--summary', 'summary.csv'], input, ruleSet);
    expect(code).toBe(0);
    // The sheet's cells are read trimmed (a lone TAB is no ID: the row number stands in), then written neutralised.
    const expected = PAYLOADS.map((p, i) => (p.trim() === '' ? String(i + 1) : `'${p.trim()}`));
    const lines = read(stdout).slice(1);
    expect(PAYLOADS.map((_, i) => lines.find((l) => l[0] === String(i + 2))?.[1])).toEqual(expected);
    expect(
      read(files['summary.csv'])
        .slice(1)
        .map((l) => l[1]),
    ).toEqual(expected);
    // And nothing else it writes starts a formula: not the reasons, which quote what was typed.
    const bad = await run(['screen', '-'], [HEADER, 'H1,2024-10-15,=1+2,-1+1,1990-01-01,여,'].join('\n'), ruleSet);
    for (const cell of read(bad.stdout).flat()) expect(cell).not.toMatch(/^[\s]*[=+\-@＝＋－＠]/);
  });

  it('writes negative amounts and every number as a number', async () => {
    const { stdout } = await run(['screen', '-'], [HEADER, 'H1,2024-10-15,서울,420만원,1990-01-01,여,2024-09-01'].join('\n'), ruleSet);
    const amounts = read(stdout)
      .slice(1)
      .map((l) => l[5])
      .filter((a) => a !== '');
    expect(amounts.length).toBeGreaterThan(0);
    for (const a of amounts) expect(a).toMatch(/^\d+$/);
  });

  it("reads a CP949 file (Korean Excel's plain CSV) as it reads UTF-8", async () => {
    const text = [HEADER, 'H1,2024-10-15,서울특별시,420만,1990-01-01,여,2024-09-01', 'H2,2024-10-15,경기도,x,1990-01-01,남,'].join('\r\n');
    const utf8 = await run(['screen', '-'], `\uFEFF${text}`, ruleSet);
    const cp949 = await run(['screen', '-'], encodeCp949(text), ruleSet, { chunk: 5 });
    expect(cp949.stdout).toBe(utf8.stdout);
    expect(cp949.stderr).toBe(utf8.stderr);
    expect(cp949.stderr).toMatch(/^row 3, 월소득인정액: /);
  });

  it('refuses a sheet that names a column twice, naming it, with stdout empty', async () => {
    const sheet = '가구ID,성인1 생년월일,adult1.birthDate,거주지\nH1,1990-01-01,1991-01-01,서울\n';
    const { code, stdout, stderr } = await run(['screen', '-', '--lang', 'en'], sheet, ruleSet);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^row 1, 성인1 생년월일: the same column appears more than once: "성인1 생년월일", "adult1\.birthDate"/);
  });

  it('numbers rows as the spreadsheet does, blank rows counted, and keeps input order over many slices', async () => {
    const many = householdsCsv(450);
    const [head, ...lines] = many
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const input = [head, lines[0], '', ...lines.slice(1)].join('\r\n');
    const { code, stdout, stderr } = await run(['screen', '-', '--lang', 'en'], input, ruleSet, { chunk: 4096 });
    expect([code, stderr]).toEqual([0, '']);
    const rows = read(stdout).slice(1);
    expect(rows).toHaveLength(450 * rules.length);
    expect(rows[0].slice(0, 2)).toEqual(['2', 'B1']);
    expect(rows[rules.length].slice(0, 2)).toEqual(['4', 'B2']);
    expect(rows.map((r) => Number(r[0]))).toEqual([...rows.map((r) => Number(r[0]))].sort((a, b) => a - b));
  });

  it('writes one summary line per household with the totals the results page shows', async () => {
    const input = householdsCsv(40);
    const { files } = await run(['screen', '-', '--summary', 'out/summary.csv', '--lang', 'en'], input, ruleSet);
    const [header, ...lines] = read(files['out/summary.csv']);
    expect(header.slice(0, 5)).toEqual(['row', 'household', 'eligible benefits', 'one-off total (KRW)', 'monthly total (KRW)']);
    expect(lines).toHaveLength(40);
    const sheet = parseBatchCsv(input);
    sheet.rows.forEach((row, i) => {
      const screened = screenRow(row, ruleSet);
      const { groups, totals } = groupResults(screened.evaluation!, rules);
      expect(lines[i].slice(0, 9)).toEqual([
        String(row.row),
        row.id,
        groups.eligible.map((v) => v.rule.names.en).join('; '),
        String(totals.once),
        String(totals.month),
        totals.limited.length === 0 ? '' : expect.stringMatching(/ KRW a month × \d+ months/),
        String(totals.year),
        String(totals.upTo),
        totals.partial ? 'yes' : '',
      ]);
    });
    expect(lines.some((l) => /\(benefits \d+\)/.test(l[12]))).toBe(true);
  });

  it('shows progress on stderr only when asked or on a terminal', async () => {
    const input = householdsCsv(5);
    expect((await run(['screen', '-'], input, ruleSet)).stderr).toBe('');
    expect((await run(['screen', '-', '--progress'], input, ruleSet)).stderr).toMatch(/^done: 5 rows · [\d,]+ rows\/s/m);
    expect((await run(['screen', '-'], input, ruleSet, { tty: true })).stderr).toMatch(/done: 5 rows/);
  });

  it('says where a UTF-8 file stops being UTF-8, and goes on', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${HEADER}\nH1,2024-10-15,서울,1,1990-01-01,여,\n`),
      ...encodeCp949('H2,2024-10-15,서울,1,1990-01-01,여,\n'),
    ]);
    const { code, stderr } = await run(['screen', '-', '--lang', 'en'], bytes, ruleSet, { chunk: 64 });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^row \d+: some bytes are not valid UTF-8/m);
  });

  it.each([['0'], ['two'], ['-1']])('refuses --jobs %s', async (jobs) => {
    const { code, stderr } = await run(['screen', '-', '--jobs', jobs], HEADER, ruleSet);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--jobs must be a whole number/);
  });
});

describe('--jobs 2, through the real command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'benefits-jobs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const benefits = (args: string[]) =>
    execFileSync('node_modules/.bin/tsx', ['src/cli/benefits.ts', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

  it('screens in worker threads, writing the same results and summary in the same order', () => {
    const file = join(dir, 'households.csv');
    writeFileSync(file, householdsCsv(700));
    const one = benefits(['screen', file, '--jobs', '1', '--summary', join(dir, 'one.csv')]);
    const two = benefits(['screen', file, '--jobs', '2', '--summary', join(dir, 'two.csv')]);
    expect(two).toBe(one);
    expect(readFileSync(join(dir, 'two.csv'), 'utf8')).toBe(readFileSync(join(dir, 'one.csv'), 'utf8'));
    expect(read(one)).toHaveLength(1 + 700 * rules.length);
  });

  it('evaluates --ndjson in worker threads, one output line per input line, in order', () => {
    const file = join(dir, 'households.ndjson');
    const sheet = parseBatchCsv(householdsCsv(450));
    writeFileSync(file, sheet.rows.map((r) => JSON.stringify(r.household)).join('\n') + '\n');
    const one = benefits(['evaluate', file, '--ndjson', '--jobs', '1']);
    const two = benefits(['evaluate', file, '--ndjson', '--jobs', '2']);
    expect(two).toBe(one);
    expect(one.trimEnd().split('\n')).toHaveLength(450);
  });
});
