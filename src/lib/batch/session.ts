/**
 * One screened sheet (or one shard of it) kept where it was screened, the worker, compactly: per
 * household its row, id and input, and a status code per benefit — not the engine's full results
 * (~90 KB of heap each). What the table shows for a page of lines, a household's detail and the
 * downloads are re-evaluated from the kept input when asked for; downloads are written as Blob
 * parts a megabyte at a time, never as one string.
 */
import type { Evaluation, Household, Rule, RuleSet, Status } from '../engine';
import type { AmountResult, RuleResult } from '../engine/types';
import { BOM, csvLines } from './csv';
import { CsvDecoder, LOSSY_REASON } from './decode';
import { SheetColumns, type RowProblem } from './parse';
import { recordsOf } from './records';
import {
  columnWords,
  headerLanguage,
  RESULT_HEADERS,
  ResultWriter,
  screenRow,
  SUMMARY_HEADERS,
  type Lang,
  type ScreenedRow,
} from './screen';
import { chunksOf, countLines, type CsvSource } from './source';

/** A line's status: the engine's, or `invalid` for a row that could not be read. */
export type LineStatus = Status | 'invalid';
export const LINE_STATUSES: readonly LineStatus[] = ['eligible', 'upcoming', 'unknown', 'ineligible', 'error', 'invalid'];
const STATUS_CODE = new Map(LINE_STATUSES.map((s, i) => [s, i]));
/** No result for this benefit (the engine left it out). */
const NO_LINE = 255;

/** Problems sent to the page at most (the results CSV lists every bad row). */
export const PROBLEM_LIMIT = 200;

/** One of `of` contiguous slices of the sheet's rows, for screening it in several workers at once. */
export interface Shard {
  index: number;
  of: number;
}

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
  /** The sheet was not screened (a column named twice): see problems. */
  refused: boolean;
  ms: number;
}

export interface BatchPage {
  total: number;
  offset: number;
  lines: BatchLine[];
}

/** One household re-evaluated in full, for its detail view. */
export interface BatchDetail {
  row: number;
  id: string;
  memberGroups: string[];
  evaluation: Evaluation;
}

/** A download of one shard: its header line (the page keeps the first shard's) and its lines. */
export interface CsvPart {
  head: string;
  body: Blob;
}

export type DownloadKind = 'results' | 'summary';

export interface ScreenOptions {
  asOf?: string;
  shard?: Shard;
  /** Rows screened so far and the rows this shard expects (an estimate until the end). */
  onProgress?: (done: number, expected: number) => void;
}

const PROGRESS_EVERY = 250;
/** Blob parts of about this many characters: the worker's heap holds one at a time. */
const PART_CHARS = 1 << 20;

function keeps(filter: BatchFilter, benefit: string | null, status: LineStatus): boolean {
  if (benefit === null) return filter.benefit === '' && (filter.status === '' || filter.status === 'invalid');
  return (filter.benefit === '' || benefit === filter.benefit) && (filter.status === '' || status === filter.status);
}

/** A byte array that grows as households arrive. */
class Codes {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  push(codes: Uint8Array): void {
    if (this.length + codes.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + codes.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(codes, this.length);
    this.length += codes.length;
  }
}

export class BatchSession {
  private readonly ruleIndex: Map<string, number>;
  private rows: number[] = [];
  private ids: string[] = [];
  /** Each household's input (with its evaluation date fixed) and column groups as JSON; null: the row could not be read. */
  private inputs: (string | null)[] = [];
  private problems = new Map<number, RowProblem[]>();
  /** Status code of household h for rule k at h * rules.length + k. */
  private codes = new Codes();
  private asOf: string | undefined;

  private readonly rules: Rule[];

  constructor(private readonly ruleSet: RuleSet) {
    this.rules = ruleSet.rules;
    this.ruleIndex = new Map(this.rules.map((r, k) => [r.id, k]));
  }

  /**
   * Reads and screens a CSV file (bytes or text), or one shard of its rows; replaces any sheet
   * screened before. Problems with the sheet itself are reported by the first shard only.
   */
  async screen(source: CsvSource, options: ScreenOptions = {}): Promise<BatchSummary> {
    const started = performance.now();
    const { asOf, shard = { index: 0, of: 1 }, onProgress } = options;
    this.rows = [];
    this.ids = [];
    this.inputs = [];
    this.problems = new Map();
    this.codes = new Codes();
    this.asOf = asOf;
    const counts = Object.fromEntries(LINE_STATUSES.map((s) => [s, 0])) as Record<LineStatus, number>;
    const problems: RowProblem[] = [];
    let problemCount = 0;
    const report = (p: RowProblem) => {
      problemCount += 1;
      if (problems.length < PROBLEM_LIMIT) problems.push(p);
    };

    // Contiguous slices of the records by an estimate of their number; the last shard reads to the end.
    const body = shard.of > 1 ? Math.max(0, (await countLines(source)) - 1) : 0;
    const start = 1 + Math.floor((shard.index * body) / shard.of);
    const end = shard.index === shard.of - 1 ? Infinity : 1 + Math.floor(((shard.index + 1) * body) / shard.of);
    const expected = Math.max(1, (shard.index === shard.of - 1 ? body + 1 : end) - start);
    const mine = (record: number) => record >= start && record < end;
    // Who reports a problem of the sheet: the header's, the first shard; a row's, the shard that has the row.
    const owns = (record: number) => (record < start ? record === 0 && shard.index === 0 : mine(record));

    const decoder = new CsvDecoder();
    let sheet: SheetColumns | null = null;
    let lossyReported = false;
    const codes = new Uint8Array(this.rules.length);
    read: for await (const batch of recordsOf(chunksOf(source), decoder)) {
      for (const e of batch.errors) if (owns(e.record)) report({ row: e.record + 1, column: '', reason: e.reason });
      if (decoder.lossy && !lossyReported && owns(batch.first)) {
        lossyReported = true;
        report({ row: batch.first + 1, column: '', reason: LOSSY_REASON });
      }
      for (let i = 0; i < batch.records.length; i += 1) {
        const record = batch.first + i;
        if (record === 0) {
          sheet = new SheetColumns(batch.records[0], asOf);
          if (shard.index === 0) sheet.problems.forEach(report);
          if (sheet.refused) break read;
          continue;
        }
        if (record >= end) break read;
        if (!mine(record)) continue;
        const parsed = sheet!.row(batch.records[i], record + 1);
        if (!parsed) continue;
        parsed.problems.forEach(report);
        // Only the statuses are kept: the lines are re-evaluated, explained, when asked for.
        const screened = screenRow(parsed, this.ruleSet, asOf, false);
        this.keep(screened, parsed.household, codes, counts);
        if (this.rows.length % PROGRESS_EVERY === 0) onProgress?.(this.rows.length, expected);
      }
    }
    // Not a record in the file: the first shard says it is empty.
    if (!sheet && shard.index === 0) new SheetColumns([], asOf).problems.forEach(report);
    onProgress?.(this.rows.length, this.rows.length);
    return {
      households: this.rows.length,
      invalid: counts.invalid,
      problems,
      problemCount,
      counts,
      refused: sheet?.refused ?? false,
      ms: Math.round(performance.now() - started),
    };
  }

  private keep(r: ScreenedRow, household: Household | null, codes: Uint8Array, counts: Record<LineStatus, number>): void {
    const h = this.rows.length;
    this.rows.push(r.row);
    this.ids.push(r.id);
    codes.fill(NO_LINE);
    if (!r.evaluation || !household) {
      this.inputs.push(null);
      this.problems.set(h, r.problems);
      counts.invalid += 1;
    } else {
      this.inputs.push(JSON.stringify([{ ...household, asOf: r.evaluation.asOf }, r.memberGroups]));
      for (const result of r.evaluation.results) {
        const k = this.ruleIndex.get(result.id);
        if (k === undefined) continue;
        codes[k] = STATUS_CODE.get(result.status)!;
        counts[result.status] += 1;
      }
    }
    this.codes.push(codes);
  }

  /** Household h screened again from its kept input: the same results as when the sheet was screened. */
  private screened(h: number): ScreenedRow {
    const input = this.inputs[h];
    const base = { row: this.rows[h], id: this.ids[h], problems: this.problems.get(h) ?? [] };
    if (input === null) return { ...base, evaluation: null, memberGroups: [] };
    const [household, memberGroups] = JSON.parse(input) as [Household, string[]];
    return screenRow({ ...base, household, memberGroups }, this.ruleSet, this.asOf);
  }

  /** Household h's lines matching the filter, as [rule index or -1 (the invalid row's line), status]. */
  private *linesOf(h: number, filter: BatchFilter): Generator<[number, LineStatus]> {
    if (this.inputs[h] === null) {
      if (keeps(filter, null, 'invalid')) yield [-1, 'invalid'];
      return;
    }
    const at = h * this.rules.length;
    for (let k = 0; k < this.rules.length; k += 1) {
      const code = this.codes.bytes[at + k];
      if (code === NO_LINE) continue;
      const status = LINE_STATUSES[code];
      if (keeps(filter, this.rules[k].id, status)) yield [k, status];
    }
  }

  /** The lines matching `filter`, `limit` of them from `offset`, and how many match in all. */
  query(filter: BatchFilter, offset: number, limit: number): BatchPage {
    const lines: BatchLine[] = [];
    let total = 0;
    for (let h = 0; h < this.rows.length; h += 1) {
      let screened: ScreenedRow | null = null;
      for (const [k] of this.linesOf(h, filter)) {
        if (total >= offset && lines.length < limit) {
          screened ??= this.screened(h);
          lines.push(lineOf(screened, k < 0 ? null : this.rules[k].id));
        }
        total += 1;
      }
    }
    return { total, offset, lines };
  }

  /** One household's full results, for its detail; null when the row is not in this shard or could not be read. */
  detail(row: number): BatchDetail | null {
    const h = this.rows.indexOf(row);
    if (h < 0 || this.inputs[h] === null) return null;
    const r = this.screened(h);
    return { row: r.row, id: r.id, memberGroups: r.memberGroups, evaluation: r.evaluation! };
  }

  /**
   * The results CSV (the CLI's long format) or the per-household summary CSV of the households
   * with a line matching `filter` (for the long format, only those lines).
   */
  download(
    kind: DownloadKind,
    filter: BatchFilter,
    lang: Lang,
    onProgress?: (done: number, of: number) => void,
    names?: Record<string, string>,
  ): CsvPart {
    const writer = new ResultWriter(this.rules, lang, names);
    const parts: Blob[] = [];
    let texts: string[] = [];
    let chars = 0;
    const flush = () => {
      if (texts.length > 0) parts.push(new Blob(texts));
      texts = [];
      chars = 0;
    };
    for (let h = 0; h < this.rows.length; h += 1) {
      if (h % PROGRESS_EVERY === 0) onProgress?.(h, this.rows.length);
      if (this.linesOf(h, filter).next().done) continue;
      const r = this.screened(h);
      const text = kind === 'summary' ? writer.summary(r) : writer.lines(r, (benefit, status) => keeps(filter, benefit, status));
      texts.push(text);
      chars += text.length;
      if (chars >= PART_CHARS) flush();
    }
    flush();
    onProgress?.(this.rows.length, this.rows.length);
    const header = kind === 'summary' ? SUMMARY_HEADERS[headerLanguage(lang.code)] : RESULT_HEADERS[headerLanguage(lang.code)];
    return { head: BOM + csvLines([header]), body: new Blob(parts, { type: 'text/csv;charset=utf-8' }) };
  }
}

function lineOf(r: ScreenedRow, benefit: string | null): BatchLine {
  const base = { row: r.row, id: r.id };
  const result: RuleResult | undefined = benefit === null ? undefined : r.evaluation?.results.find((x) => x.id === benefit);
  if (!result) {
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
