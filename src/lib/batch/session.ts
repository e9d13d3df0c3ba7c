/**
 * One screened sheet kept where it was screened (the worker), answering the table's questions a
 * page at a time: 10,000 households make ~300,000 result lines, too many to send or render at once.
 */
import type { RuleSet, Status } from '../engine';
import type { AmountResult, RuleResult } from '../engine/types';
import { decodeCsv } from './decode';
import { parseBatchCsv, type RowProblem, type Shard } from './parse';
import type { Lang } from '../results/payload';
import { columnWords, resultsCsv, screenSheet, type ScreenedRow } from './screen';

/** A line's status: the engine's, or `invalid` for a row that could not be read. */
export type LineStatus = Status | 'invalid';
export const LINE_STATUSES: readonly LineStatus[] = ['eligible', 'upcoming', 'unknown', 'ineligible', 'error', 'invalid'];

/** Problems sent to the page at most (the results CSV lists every bad row). */
export const PROBLEM_LIMIT = 200;

export interface BatchFilter {
  /** A rule id; empty: every benefit. */
  benefit: string;
  /** Empty: every status. */
  status: LineStatus | '';
}

export interface BatchLine {
  row: number;
  id: string;
  /** Rule id; null on an invalid row's line. */
  benefit: string | null;
  status: LineStatus;
  amount: AmountResult | null;
  applyBy: string | null;
  upcomingDate: string | null;
  /** What would decide an unknown, in the sheet's column words (e.g. 자녀1 서울출생신고). */
  missing: string[];
  /** Why an invalid row could not be read. */
  problems: RowProblem[];
}

export interface BatchSummary {
  households: number;
  invalid: number;
  /** Problems with the sheet and its rows, in sheet order, at most PROBLEM_LIMIT. */
  problems: RowProblem[];
  problemCount: number;
  /** Lines per status. */
  counts: Record<LineStatus, number>;
  ms: number;
}

export interface BatchPage {
  total: number;
  offset: number;
  lines: BatchLine[];
}

/** Whether a line passes the filter: a benefit's result, or null for an invalid row's line. */
function keeps(filter: BatchFilter, result: RuleResult | null): boolean {
  if (result === null) return filter.benefit === '' && (filter.status === '' || filter.status === 'invalid');
  return (filter.benefit === '' || result.id === filter.benefit) && (filter.status === '' || result.status === filter.status);
}

export class BatchSession {
  private rows: ScreenedRow[] = [];
  /** Line i is rows[lineRow[i]], result lineResult[i] (-1: the row's single "invalid" line). */
  private lineRow = new Int32Array(0);
  private lineResult = new Int16Array(0);

  constructor(private readonly ruleSet: RuleSet) {}

  /**
   * Reads and screens a CSV file (bytes or text), or one shard of its rows; replaces any sheet
   * screened before. Problems with the sheet itself are reported by the first shard only.
   */
  screen(input: ArrayBuffer | Uint8Array | string, asOf?: string, shard: Shard = { index: 0, of: 1 }): BatchSummary {
    const started = performance.now();
    const sheet = parseBatchCsv(typeof input === 'string' ? input : decodeCsv(input), shard);
    this.rows = screenSheet(sheet, this.ruleSet, asOf);
    const total = this.rows.reduce((n, r) => n + (r.results ? r.results.length : 1), 0);
    this.lineRow = new Int32Array(total);
    this.lineResult = new Int16Array(total);
    const counts = Object.fromEntries(LINE_STATUSES.map((s) => [s, 0])) as Record<LineStatus, number>;
    let i = 0;
    this.rows.forEach((r, ri) => {
      if (!r.results) {
        this.lineRow[i] = ri;
        this.lineResult[i++] = -1;
        counts.invalid += 1;
        return;
      }
      r.results.forEach((result, k) => {
        this.lineRow[i] = ri;
        this.lineResult[i++] = k;
        counts[result.status] += 1;
      });
    });
    const problems = [...(shard.index === 0 ? sheet.problems : []), ...this.rows.flatMap((r) => r.problems)];
    return {
      households: this.rows.length,
      invalid: counts.invalid,
      problems: problems.slice(0, PROBLEM_LIMIT),
      problemCount: problems.length,
      counts,
      ms: Math.round(performance.now() - started),
    };
  }

  private matches(i: number, filter: BatchFilter): boolean {
    const k = this.lineResult[i];
    return keeps(filter, k < 0 ? null : this.rows[this.lineRow[i]].results![k]);
  }

  private line(i: number): BatchLine {
    const r = this.rows[this.lineRow[i]];
    const k = this.lineResult[i];
    const base = { row: r.row, id: r.id };
    if (k < 0) {
      return {
        ...base,
        benefit: null,
        status: 'invalid',
        amount: null,
        applyBy: null,
        upcomingDate: null,
        missing: [],
        problems: r.problems,
      };
    }
    const result = r.results![k];
    return {
      ...base,
      benefit: result.id,
      status: result.status,
      amount: result.amount,
      applyBy: result.applyBy,
      upcomingDate: result.upcomingDate,
      missing: result.missing.map((path) => columnWords(path, r.memberGroups)),
      problems: [],
    };
  }

  /** The lines matching `filter`, `limit` of them from `offset`, and how many match in all. */
  query(filter: BatchFilter, offset: number, limit: number): BatchPage {
    const lines: BatchLine[] = [];
    let total = 0;
    for (let i = 0; i < this.lineRow.length; i += 1) {
      if (!this.matches(i, filter)) continue;
      if (total >= offset && lines.length < limit) lines.push(this.line(i));
      total += 1;
    }
    return { total, offset, lines };
  }

  /** The results CSV (as the CLI writes it) of the lines matching `filter`. */
  csv(filter: BatchFilter, lang: Lang): string {
    if (filter.benefit === '' && filter.status === '') return resultsCsv(this.rows, this.ruleSet.rules, lang);
    const rows: ScreenedRow[] = [];
    for (const r of this.rows) {
      if (!r.results) {
        if (keeps(filter, null)) rows.push(r);
        continue;
      }
      const results = r.results.filter((x) => keeps(filter, x));
      if (results.length > 0) rows.push({ ...r, results });
    }
    return resultsCsv(rows, this.ruleSet.rules, lang);
  }
}
