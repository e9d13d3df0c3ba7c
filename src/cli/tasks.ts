/**
 * The work of `screen` and `evaluate --ndjson` on a slice of the input, as plain functions of the
 * slice: the main thread calls them itself (--jobs 1) or hands slices to worker threads (pool.ts).
 * Each returns the slice's output text, so order is kept by writing the slices in turn.
 */
import { jsonErrorAt } from '../build/jsonError';
import { ResultWriter, SheetColumns, csvLines, screenRow } from '../lib/batch';
import { evaluate, validateHousehold, type RuleSet, type ValidationIssue } from '../lib/engine';
import { cliEvaluation, type Lang } from '../lib/results/payload';

export type Job =
  { kind: 'screen'; headers: string[]; asOf?: string; lang: Lang; summary: boolean } | { kind: 'ndjson'; asOf?: string; lang: Lang };

/** Records (screen: CSV records, ndjson: lines), the first one's number (screen: record index, ndjson: line number). */
export interface Task {
  first: number;
  items: string[][] | string[];
}

export interface Done {
  /** Output for stdout. */
  out: string;
  /** screen --summary: the summary CSV's lines. */
  summary: string;
  /** Problems for stderr, one per line. */
  err: string;
  /** Items read (rows or lines, blank ones included). */
  count: number;
}

export const issueLines = (issues: ValidationIssue[], lang: Lang, prefix = '') =>
  issues.map((p) => `${prefix}${p.field}: ${p.message[lang]}`).join('\n');

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
    const where = !at
      ? null
      : text.includes('\n')
        ? { ko: `${at.line}번째 줄 ${at.column}번째 글자`, en: `at line ${at.line}, column ${at.column}` }
        : { ko: `${at.column}번째 글자`, en: `at column ${at.column}` };
    const message = where
      ? { ko: `올바른 JSON이 아닙니다: ${where.ko} (${why})`, en: `not valid JSON ${where.en} (${why})` }
      : { ko: `올바른 JSON이 아닙니다 (${why})`, en: `not valid JSON (${why})` };
    return { ok: false, issues: [{ field: 'input', code: 'notObject', message }] };
  }
  const issues = validateHousehold(household, asOf);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: cliEvaluation(evaluate(household as never, { ...ruleSet, asOf, validated: true }), ruleSet.rules, lang) };
}

export function handlerFor(job: Job, ruleSet: RuleSet): (task: Task) => Done {
  if (job.kind === 'ndjson') {
    return ({ first, items }) => {
      let out = '';
      let err = '';
      (items as string[]).forEach((line, i) => {
        if (line.trim() === '') return;
        const result = evaluateText(line, job.asOf, job.lang, ruleSet);
        if (result.ok) out += `${JSON.stringify(result.value)}\n`;
        else {
          const issues = result.issues.map((p) => ({ field: p.field, code: p.code, reason: p.message[job.lang] }));
          out += `${JSON.stringify({ line: first + i, error: { issues } })}\n`;
          err += `${issueLines(result.issues, job.lang, `line ${first + i}: `)}\n`;
        }
      });
      return { out, summary: '', err, count: items.length };
    };
  }
  const sheet = new SheetColumns(job.headers, job.asOf);
  const writer = new ResultWriter(ruleSet.rules, job.lang);
  return ({ first, items }) => {
    const lines: unknown[][] = [];
    const summaries: unknown[][] = [];
    let err = '';
    (items as string[][]).forEach((cells, i) => {
      const parsed = sheet.row(cells, first + i + 1);
      if (!parsed) return;
      for (const p of parsed.problems) err += `row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.reason[job.lang]}\n`;
      const screened = screenRow(parsed, ruleSet, job.asOf);
      lines.push(...writer.lines(screened));
      if (job.summary) summaries.push(writer.summary(screened));
    });
    return { out: csvLines(lines), summary: csvLines(summaries), err, count: items.length };
  };
}
