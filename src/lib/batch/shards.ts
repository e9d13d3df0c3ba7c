/**
 * A sheet screened by several workers at once, each holding one contiguous slice of its rows (the
 * engine is the cost, so the work spreads over the cores): their answers put back together as if
 * one worker had screened it all.
 */
import { PROBLEM_LIMIT, LINE_STATUSES, type BatchSummary, type CsvPart, type LineStatus } from './session';

export function mergeSummaries(parts: BatchSummary[], ms: number): BatchSummary {
  const problems = parts.flatMap((p) => p.problems);
  return {
    households: parts.reduce((n, p) => n + p.households, 0),
    invalid: parts.reduce((n, p) => n + p.invalid, 0),
    problems: problems.slice(0, PROBLEM_LIMIT),
    problemCount: parts.reduce((n, p) => n + p.problemCount, 0),
    counts: Object.fromEntries(LINE_STATUSES.map((s) => [s, parts.reduce((n, p) => n + p.counts[s], 0)])) as Record<LineStatus, number>,
    refused: parts.some((p) => p.refused),
    ms,
  };
}

/** Which lines to ask each shard for, given how many of its lines match: the page [offset, offset + limit) of all of them in order. */
export function planPages(totals: number[], offset: number, limit: number): { shard: number; offset: number; limit: number }[] {
  const plan: { shard: number; offset: number; limit: number }[] = [];
  let before = 0;
  let wanted = limit;
  totals.forEach((total, shard) => {
    const from = Math.max(0, offset - before);
    before += total;
    if (wanted <= 0 || from >= total) return;
    const take = Math.min(total - from, wanted);
    plan.push({ shard, offset: from, limit: take });
    wanted -= take;
  });
  return plan;
}

/** The shards' downloads as one file: the first one's byte-order mark and header, then every shard's lines. */
export function joinParts(parts: CsvPart[]): Blob {
  return new Blob([parts[0].head, ...parts.map((p) => p.body)], { type: 'text/csv;charset=utf-8' });
}
