/** Runs the `benefits` command in-process on text or bytes, collecting what it writes. */
import { runCli } from '../../src/cli/run';
import type { RuleSet } from '../../src/lib/engine';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  /** Files written (--summary), by name. */
  files: Record<string, string>;
}

/** Hands the input over in small chunks, so that records and characters split across them. */
async function* chunks(input: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function run(
  args: string[],
  input: string | Uint8Array,
  ruleSet: RuleSet,
  options: { chunk?: number; tty?: boolean } = {},
): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const files: Record<string, string> = {};
  const text = (t: string | Uint8Array) => (typeof t === 'string' ? t : new TextDecoder().decode(t));
  const code = await runCli(args, {
    input: (file) => (file === '-' ? chunks(input, options.chunk ?? 97) : chunks('', 1)),
    stdout: { write: (t) => void out.push(text(t)) },
    stderr: { write: (t) => void err.push(text(t)) },
    output: (file) => {
      files[file] = '';
      return { write: (t) => void (files[file] += text(t)), close: async () => {} };
    },
    ruleSet: () => ruleSet,
    tty: options.tty ?? false,
    cores: 1,
  });
  return { code, stdout: out.join(''), stderr: err.join(''), files };
}
