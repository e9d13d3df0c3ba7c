/**
 * `benefits screen`: the batch CSV in (UTF-8 or CP949, as the browser reads it), the long-format
 * results CSV out on stdout (UTF-8 with BOM) and, with --summary, one line per household in a
 * second file; each streamed a slice of rows at a time through the pool.
 */
import {
  BOM,
  csvLines,
  RESULT_HEADERS,
  SheetColumns,
  SUMMARY_HEADERS,
  CsvDecoder,
  headerLanguage,
  LOSSY_REASON,
  recordsOf,
  sheetReason,
  type RowProblem,
} from '../lib/batch';
import type { RuleSet } from '../lib/engine';
import type { Options } from './args';
import { createPool, inOrder } from './pool';
import { Progress } from './progress';
import { counted, defaultJobs, type CliIo } from './run';
import type { Task } from './tasks';

/** Rows per task: enough to make handing a slice to a thread cheap, few enough to keep output flowing. */
const SLICE = 200;

export async function runScreen(options: Options, io: CliIo, ruleSet: RuleSet): Promise<number> {
  const lang = options.lang;
  const seen = { bytes: 0 };
  const progress = new Progress(io.stderr, options.progress ? 'log' : io.tty ? 'tty' : 'off', 'rows', io.inputSize?.(options.file) ?? null);
  const problem = (p: RowProblem) =>
    progress.message(`row ${p.row}${p.column ? `, ${p.column}` : ''}: ${sheetReason(p.reason, lang.t, lang.code)}\n`);
  const decoder = new CsvDecoder();
  const records = recordsOf(counted(options.file, io.input(options.file), seen), decoder);

  let lossyReported = false;
  /** A UTF-8 file that stops being UTF-8 is said once, at the batch where it was noticed. */
  const noteLossy = async (first: number) => {
    if (!decoder.lossy || lossyReported) return;
    lossyReported = true;
    await problem({ row: first + 1, column: '', reason: LOSSY_REASON });
  };

  // The header first: a sheet that cannot be screened leaves stdout empty.
  let headers: string[] | null = null;
  let body: Task = { first: 1, items: [] };
  while (headers === null) {
    const next = await records.next();
    if (next.done) break;
    for (const e of next.value.errors) await problem({ row: e.record + 1, column: '', reason: e.reason });
    if (next.value.records.length === 0) continue;
    await noteLossy(next.value.first);
    headers = next.value.records[0];
    body = { first: 1, items: next.value.records.slice(1) };
  }
  const sheet = new SheetColumns(headers ?? [], options.asOf);
  for (const p of sheet.problems) await problem(p);
  if (sheet.refused) return 2;

  let summary: Awaited<ReturnType<CliIo['output']>> | null = null;
  if (options.summary) {
    try {
      summary = io.output(options.summary);
    } catch (e) {
      await io.stderr.write(`${options.summary}: cannot write (${(e as Error).message})\n`);
      return 2;
    }
    await summary.write(BOM + csvLines([SUMMARY_HEADERS[headerLanguage(lang.code)]]));
  }
  await io.stdout.write(BOM + csvLines([RESULT_HEADERS[headerLanguage(lang.code)]]));

  const pool = createPool(
    options.jobs ?? defaultJobs(io.cores),
    { kind: 'screen', headers: sheet.headers, asOf: options.asOf, lang: lang.code, summary: !!summary },
    ruleSet,
  );
  let rows = 0;
  const results = inOrder(pool, async (done) => {
    rows += done.count;
    if (done.err) await progress.message(done.err);
    await io.stdout.write(done.out);
    if (summary && done.summary.length > 0) await summary.write(done.summary);
    progress.update(rows, seen.bytes);
  });
  const submit = async (task: Task) => {
    for (let i = 0; i < task.items.length; i += SLICE) {
      await results.submit({ first: task.first + i, items: task.items.slice(i, i + SLICE) as string[][] });
    }
  };
  try {
    await submit(body);
    for await (const batch of records) {
      for (const e of batch.errors) await problem({ row: e.record + 1, column: '', reason: e.reason });
      await noteLossy(batch.first);
      await submit({ first: batch.first, items: batch.records });
    }
    await results.drain();
  } finally {
    await pool.close();
    await summary?.close();
  }
  progress.done(rows, seen.bytes);
  return 0;
}
