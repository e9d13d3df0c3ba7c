/** `benefits evaluate --ndjson`: one household per input line, one result per output line, streamed in order. */
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { RuleSet } from '../lib/engine';
import type { Options } from './args';
import { createPool, inOrder } from './pool';
import { Progress } from './progress';
import { limitedLines } from './readInput';
import { counted, defaultJobs, type CliIo } from './run';

const SLICE = 200;

export async function runNdjson(options: Options, io: CliIo, ruleSet: RuleSet): Promise<number> {
  const seen = { bytes: 0 };
  const progress = new Progress(
    io.stderr,
    options.progress ? 'log' : io.tty ? 'tty' : 'off',
    'lines',
    io.inputSize?.(options.file) ?? null,
  );
  const pool = createPool(options.jobs ?? defaultJobs(io.cores), { kind: 'ndjson', asOf: options.asOf, lang: options.lang.code }, ruleSet);
  let lines = 0;
  const results = inOrder(pool, async (done) => {
    lines += done.count;
    if (done.err) await progress.message(done.err);
    await io.stdout.write(done.out);
    progress.update(lines, seen.bytes);
  });
  let slice: string[] = [];
  let first = 1;
  const submit = async () => {
    const items = slice;
    slice = [];
    await results.submit({ first, items });
    first += items.length;
  };
  try {
    const input = createInterface({
      input: Readable.from(counted(options.file, limitedLines(io.input(options.file)), seen)),
      crlfDelay: Infinity,
    });
    for await (const line of input) {
      slice.push(line);
      if (slice.length >= SLICE) await submit();
    }
    if (slice.length > 0) await submit();
    await results.drain();
  } finally {
    await pool.close();
  }
  progress.done(lines, seen.bytes);
  return 0;
}
