/**
 * The `benefits` command, as a function of its arguments and input/output so tests call it directly.
 *   evaluate FILE|- [--as-of YYYY-MM-DD] [--lang CODE] [--ndjson] [--jobs N] [--progress]
 *   screen FILE.csv|- [--as-of YYYY-MM-DD] [--lang CODE] [--summary FILE.csv] [--jobs N] [--progress]
 * CODE is a language of src/lib/languages; Korean by default.
 * Bad input: exit 2, stderr names the field and why, stdout empty. With --ndjson a bad line
 * yields an error record for that line and the others still evaluate; `screen` likewise reports
 * a bad row (row, column, reason) on stderr and as an "invalid input" line, and goes on.
 * `screen` and `--ndjson` read and write as they go: memory stays the same whatever the input size.
 */
import { availableParallelism } from 'node:os';
import { validateAsOf, type RuleSet } from '../lib/engine';
import { parseArgs, USAGE, type Options } from './args';
import { limitedInput } from './readInput';
import { runNdjson } from './ndjson';
import { runScreen } from './screen';
import { evaluateText, issueLines } from './tasks';

export { USAGE };

/** Somewhere to write text (or its UTF-8 bytes); a promise means "wait before writing more" (a full pipe). */
export interface Output {
  write(text: string | Uint8Array): void | Promise<void>;
}

export interface CliIo {
  /** The input's bytes a chunk at a time ('-': standard input); reading fails if it cannot be read. */
  input: (file: string) => AsyncIterable<Uint8Array>;
  /** The input's size in bytes, when known (a file): progress shows a share. */
  inputSize?: (file: string) => number | null;
  stdout: Output;
  stderr: Output;
  /** A file to write (screen --summary); throws if it cannot be created. */
  output: (file: string) => Output & { close(): Promise<void> };
  ruleSet: () => RuleSet;
  /** stderr is a terminal: progress shows even without --progress. */
  tty?: boolean;
  /** Cores for the default --jobs. */
  cores?: number;
}

/** Reading the input failed: the message for stderr. */
export class InputError extends Error {}

/** Counts the bytes read, for progress, and turns a read failure into an InputError. */
export async function* counted(file: string, chunks: AsyncIterable<Uint8Array>, seen: { bytes: number }): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of chunks) {
      seen.bytes += chunk.length;
      yield chunk;
    }
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as Error).message})`);
  }
}

/** Default worker threads: one per core but one (the main thread reads and writes), at least one. */
export const defaultJobs = (cores = availableParallelism()) => Math.max(1, cores - 1);

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    await io.stderr.write(`${options}\n${USAGE}\n`);
    return 2;
  }
  let ruleSet: RuleSet;
  try {
    ruleSet = io.ruleSet();
  } catch (e) {
    await io.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  if (options.asOf !== undefined) {
    const issues = validateAsOf(options.asOf);
    if (issues.length > 0) {
      await io.stderr.write(`${issueLines(issues, options.lang)}\n`);
      return 2;
    }
  }
  try {
    if (options.command === 'screen') return await runScreen(options, io, ruleSet);
    if (options.ndjson) return await runNdjson(options, io, ruleSet);
    return await evaluateOne(options, io, ruleSet);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    await io.stderr.write(`${e.message}\n`);
    return 2;
  }
}

async function evaluateOne(options: Options, io: CliIo, ruleSet: RuleSet): Promise<number> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of counted(options.file, limitedInput(io.input(options.file)), { bytes: 0 }))
    text += decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  const result = evaluateText(text, options.asOf, options.lang, ruleSet);
  if (!result.ok) {
    await io.stderr.write(`${issueLines(result.issues, options.lang)}\n`);
    return 2;
  }
  await io.stdout.write(`${JSON.stringify(result.value)}\n`);
  return 0;
}
