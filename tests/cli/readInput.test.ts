import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMIT_BYTES, limitedInput, limitedLines } from '../../src/cli/readInput';

const dir = mkdtempSync(join(tmpdir(), 'benefits-input-'));

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of chunks) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

const benefits = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'benefits', '--', ...args], { encoding: 'utf8' });

describe('reading the CLI input', () => {
  it('reads a file whole, multi-byte characters across its chunks included', async () => {
    const content = `{"note":"${'가'.repeat(100_000)}"}`;
    const file = join(dir, 'korean.json');
    writeFileSync(file, content);
    expect(await text(limitedInput(createReadStream(file)))).toBe(content);
    expect(await text(limitedLines(createReadStream(file)))).toBe(content);
  });

  it('stops at the limit instead of reading an endless input', async () => {
    await expect(text(limitedInput(createReadStream('/dev/zero'), 1024 * 1024))).rejects.toThrow(/larger than 1 MB/);
    expect(INPUT_LIMIT_BYTES).toBe(20 * 1024 * 1024);
  });

  it('bounds a line, not the input: many short lines pass, one endless line stops', async () => {
    const lines = join(dir, 'lines.ndjson');
    writeFileSync(lines, '{}\n'.repeat(1_000_000));
    expect((await text(limitedLines(createReadStream(lines), 1024))).length).toBe(3_000_000);
    await expect(text(limitedLines(createReadStream('/dev/zero'), 1024 * 1024))).rejects.toThrow(/a line is larger than 1 MB/);
  });

  it('`evaluate /dev/zero` exits 2 with a clear message, not a crash of Node; so does `--ndjson`', () => {
    const run = benefits('evaluate', '/dev/zero');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('/dev/zero: cannot read (larger than 20 MB; split it into smaller files)\n');
    const ndjson = benefits('evaluate', '/dev/zero', '--ndjson', '--jobs', '1');
    expect(ndjson.status).toBe(2);
    expect(ndjson.stdout).toBe('');
    expect(ndjson.stderr).toBe('/dev/zero: cannot read (a line is larger than 20 MB; write one household per line)\n');
  });
});
