/**
 * `npm run bench:cli`: `benefits screen` on generated CSVs of 10,000 / 100,000 / 1,000,000 rows
 * (householdsCsv.ts, kept in the OS temp folder between runs), with --jobs 1 and 2, a few runs each.
 * Reports rows/s (wall clock) and peak RSS (GNU time) as min / median / max, rows per second of
 * CPU time (what a loaded machine distorts least), the CPU time of the
 * whole process and of its main thread (which reads, parses and writes: with worker threads it is
 * the part that does not spread over cores), and peak memory at the largest size against the
 * smallest. A report, not a test. Linux: the main thread's CPU is read from /proc.
 *   BENCH_ROWS=10000,100000   sizes (default 10000,100000,1000000)
 *   BENCH_JOBS=1,2            --jobs values; "none" passes no --jobs (a checkout without the flag)
 *   BENCH_RUNS=3              runs per size and jobs
 *   BENCH_ROOT=/path          the checkout whose command to run (default this one), e.g. an older one
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { templateColumns } from '../../src/lib/batch';
import { writeHouseholdsCsv } from './householdsCsv';

const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map((s) => s.trim());
const SIZES = list('BENCH_ROWS', '10000,100000,1000000').map(Number);
const JOBS = list('BENCH_JOBS', '1,2');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = resolve(process.env.BENCH_ROOT ?? '.');
const TIME = '/usr/bin/time';

interface Run {
  seconds: number;
  rssMb: number;
  cpuSeconds: number;
  mainCpuSeconds: number;
}

/** The template's columns change as the input model grows: a file of older columns would screen other households. */
const COLUMNS = createHash('sha256')
  .update(
    templateColumns()
      .map((c) => c.header)
      .join(','),
  )
  .digest('hex')
  .slice(0, 8);

async function fileFor(rows: number): Promise<string> {
  const path = join(tmpdir(), `benefits-bench-${rows}-${COLUMNS}.csv`);
  if (!existsSync(path)) {
    console.error(`generating ${rows.toLocaleString('en')} rows → ${path}`);
    await writeHouseholdsCsv(path, rows);
  }
  return path;
}

/** CPU seconds of a thread so far (utime + stime in /proc, at 100 ticks a second), or null once it is gone. */
function threadCpu(pid: number, tid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The command under /usr/bin/time: its child process. */
function childOf(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]) || null;
  } catch {
    return null;
  }
}

async function screen(file: string, jobs: string): Promise<Run> {
  const args = [process.execPath, '--import', 'tsx', 'src/cli/benefits.ts', 'screen', file, ...(jobs === 'none' ? [] : ['--jobs', jobs])];
  const time = spawn(TIME, ['-f', '%e %M %U %S', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  time.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  let mainCpu = 0;
  const poll = setInterval(() => {
    const pid = childOf(time.pid!);
    const cpu = pid === null ? null : threadCpu(pid, pid);
    if (cpu !== null) mainCpu = cpu;
  }, 200);
  const status = await new Promise<number | null>((resolve) => time.on('close', resolve));
  clearInterval(poll);
  const [seconds, rssKb, user, system] = (stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (status !== 0 || !Number.isFinite(seconds)) throw new Error(`screen failed (${status}): ${stderr}`);
  return { seconds, rssMb: rssKb / 1024, cpuSeconds: user + system, mainCpuSeconds: mainCpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[], digits = 0) =>
  [Math.min(...xs), median(xs), Math.max(...xs)].map((x) => x.toLocaleString('en', { maximumFractionDigits: digits })).join(' / ');

if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed for peak RSS`);
const table: string[][] = [
  [
    'rows',
    'MB',
    'jobs',
    'rows/s min / median / max',
    'rows per CPU s (median)',
    'peak RSS MB min / median / max',
    'CPU s (median)',
    'main thread CPU s (median)',
  ],
];
const rssByJobs = new Map<string, { rows: number; rss: number }[]>();
for (const rows of SIZES) {
  const file = await fileFor(rows);
  for (const jobs of JOBS) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await screen(file, jobs));
    table.push([
      rows.toLocaleString('en'),
      (statSync(file).size / 1e6).toFixed(0),
      jobs,
      spread(runs.map((r) => rows / r.seconds)),
      (rows / median(runs.map((r) => r.cpuSeconds))).toFixed(0),
      spread(runs.map((r) => r.rssMb)),
      median(runs.map((r) => r.cpuSeconds)).toFixed(1),
      median(runs.map((r) => r.mainCpuSeconds)).toFixed(1),
    ]);
    rssByJobs.set(jobs, [...(rssByJobs.get(jobs) ?? []), { rows, rss: median(runs.map((r) => r.rssMb)) }]);
    console.error(table.at(-1)!.join('  '));
  }
}
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const row of table) console.log(row.map((c, i) => c.padStart(widths[i])).join('  '));
for (const [jobs, sizes] of rssByJobs) {
  if (sizes.length < 2) continue;
  const [small, large] = [sizes[0], sizes.at(-1)!];
  console.log(
    `jobs ${jobs}: peak RSS at ${large.rows.toLocaleString('en')} rows is ${(large.rss / small.rss).toFixed(2)}× that at ${small.rows.toLocaleString('en')}`,
  );
}
