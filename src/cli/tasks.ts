/**
 * The work of `screen` and `evaluate --ndjson` on a slice of the input, as plain functions of the
 * slice: the main thread calls them itself (--jobs 1) or hands slices to worker threads (pool.ts).
 * Each returns the slice's output as UTF-8 bytes (a worker hands them over without a copy), so order
 * is kept by writing the slices in turn.
 */
import { jsonErrorAt } from '../build/jsonError';
import { ResultWriter, SheetColumns, screenRow, sheetReason } from '../lib/batch';
import { evaluate, validateHousehold, type IssueParams, type RuleSet, type ValidationIssue } from '../lib/engine';
import type { Locale } from '../lib/languages';
import { errorText } from '../lib/questionnaire/labels';
import { cliEvaluation, type Lang } from '../lib/results/payload';
import { langOf } from './args';

/** What a thread does; the language by its code, as a translator cannot cross to a worker thread. */
export type Job =
  { kind: 'screen'; headers: string[]; asOf?: string; lang: Locale; summary: boolean } | { kind: 'ndjson'; asOf?: string; lang: Locale };

/** Records (screen: CSV records, ndjson: lines), the first one's number (screen: record index, ndjson: line number). */
export interface Task {
  first: number;
  items: string[][] | string[];
}

export interface Done {
  /** Output for stdout, as UTF-8: encoded where it was made, a worker thread hands the bytes over without a copy. */
  out: Uint8Array;
  /** screen --summary: the summary CSV's lines, as UTF-8. */
  summary: Uint8Array;
  /** Problems for stderr, one per line. */
  err: string;
  /** Items read (rows or lines, blank ones included). */
  count: number;
}

const utf8 = new TextEncoder();
const NOTHING = new Uint8Array(0);

/** An issue's reason in the output language; input that is not JSON also says why the parser stopped. */
const issueText = (issue: ValidationIssue, lang: Lang) =>
  issue.params.parser ? jsonText(issue.params, lang) : errorText(issue, lang.t, lang.code);

/** Input that is not JSON, where the parser stopped and why: the CLI's own words, Korean or English. */
function jsonText({ line, column, parser }: IssueParams, lang: Lang): string {
  if (lang.code === 'ko') {
    const where = column === undefined ? '' : line === undefined ? `: ${column}번째 글자` : `: ${line}번째 줄 ${column}번째 글자`;
    return `올바른 JSON이 아닙니다${where} (${parser})`;
  }
  const where = column === undefined ? '' : line === undefined ? ` at column ${column}` : ` at line ${line}, column ${column}`;
  return `not valid JSON${where} (${parser})`;
}

export const issueLines = (issues: ValidationIssue[], lang: Lang, prefix = '') =>
  issues.map((p) => `${prefix}${p.field}: ${issueText(p, lang)}`).join('\n');

type LineResult = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

/** One household as JSON text, evaluated, in the CLI's JSON shape. */
export function evaluateText(text: string, asOf: string | undefined, lang: Lang, ruleSet: RuleSet): LineResult {
  let household: unknown;
  try {
    household = JSON.parse(text);
  } catch (e) {
    const at = jsonErrorAt(text, e);
    const why = (e as Error).message;
    // An --ndjson line is named by its record; within it, only the column says where.
    const where: IssueParams = !at ? {} : text.includes('\n') ? { line: at.line, column: at.column } : { column: at.column };
    return { ok: false, issues: [{ field: 'input', code: 'notObject', params: { ...where, parser: why } }] };
  }
  const issues = validateHousehold(household, asOf);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: cliEvaluation(evaluate(household as never, { ...ruleSet, asOf, validated: true }), ruleSet.rules, lang) };
}

export function handlerFor(job: Job, ruleSet: RuleSet): (task: Task) => Done {
  const lang = langOf(job.lang);
  if (job.kind === 'ndjson') {
    return ({ first, items }) => {
      let out = '';
      let err = '';
      (items as string[]).forEach((line, i) => {
        if (line.trim() === '') return;
        const result = evaluateText(line, job.asOf, lang, ruleSet);
        if (result.ok) out += `${JSON.stringify(result.value)}\n`;
        else {
          const issues = result.issues.map((p) => ({ field: p.field, code: p.code, reason: issueText(p, lang) }));
          out += `${JSON.stringify({ line: first + i, error: { issues } })}\n`;
          err += `${issueLines(result.issues, lang, `line ${first + i}: `)}\n`;
        }
      });
      return { out: utf8.encode(out), summary: NOTHING, err, count: items.length };
    };
  }
  const sheet = new SheetColumns(job.headers, job.asOf);
  const writer = new ResultWriter(ruleSet.rules, lang);
  return ({ first, items }) => {
    let out = '';
    let summary = '';
    let err = '';
    (items as string[][]).forEach((cells, i) => {
      const parsed = sheet.row(cells, first + i + 1);
      if (!parsed) return;
      for (const p of parsed.problems)
        err += `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${sheetReason(p.reason, lang.t, lang.code)}\n`;
      const screened = screenRow(parsed, ruleSet, job.asOf);
      out += writer.lines(screened);
      if (job.summary) summary += writer.summary(screened);
    });
    return { out: utf8.encode(out), summary: utf8.encode(summary), err, count: items.length };
  };
}
