import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMIT_BYTES, readInput } from '../../src/cli/readInput';

const dir = mkdtempSync(join(tmpdir(), 'benefits-input-'));

describe('reading the CLI input', () => {
  it('reads a file whole, multi-byte characters across its chunks included', () => {
    const text = `{"note":"${'가'.repeat(100_000)}"}`;
    const file = join(dir, 'korean.json');
    writeFileSync(file, text);
    expect(readInput(file)).toBe(text);
  });

  it('stops at the limit instead of reading an endless input', () => {
    expect(() => readInput('/dev/zero', 1024 * 1024)).toThrow(/larger than 1 MB/);
    expect(INPUT_LIMIT_BYTES).toBe(20 * 1024 * 1024);
  });

  it('`evaluate /dev/zero` exits 2 with a clear message, not a crash of Node', () => {
    const run = spawnSync('npm', ['run', '--silent', 'benefits', '--', 'evaluate', '/dev/zero'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('/dev/zero: cannot read (larger than 20 MB; split it into smaller files)\n');
  });
});
