/**
 * `npm run bench`: evaluates every rule over 10,000 generated households on one core and reports
 * households/second and per-household latency (median, p99). Not a test: figures are reported, not asserted.
 */
import { performance } from 'node:perf_hooks';
import { evaluate, validateHousehold } from '../../src/lib/engine';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { benchHouseholds } from './households';

const COUNT = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const { rules, parameters } = loadRuleSetOrThrow();

const households = benchHouseholds(COUNT);
const invalid = households.filter((h) => validateHousehold(h).length > 0).length;
if (invalid > 0) throw new Error(`${invalid} generated households are invalid`);

// Warm up the JIT so the figures describe steady state, as in a long-lived page or CLI batch.
for (let i = 0; i < 1_000; i += 1) evaluate(households[i % households.length], { rules, parameters });

const latencies: number[] = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (const household of households) {
  const t0 = performance.now();
  evaluate(household, { rules, parameters });
  latencies.push(performance.now() - t0);
}
const elapsed = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];

const rows = [
  ['rules', String(rules.length)],
  ['households', String(households.length)],
  ['total', `${elapsed.toFixed(0)} ms`],
  ['throughput', `${Math.round((households.length / elapsed) * 1000).toLocaleString('en')} households/s (wall clock)`],
  [
    'CPU throughput',
    `${Math.round((households.length / cpuMs) * 1000).toLocaleString('en')} households/s of CPU time (fairer on a shared machine)`,
  ],
  ['median latency', `${(at(0.5) * 1000).toFixed(0)} µs`],
  ['p99 latency', `${(at(0.99) * 1000).toFixed(0)} µs`],
  [
    're-evaluation',
    `after one changed answer the app re-runs every rule for one household: median ${(at(0.5) * 1000).toFixed(0)} µs, p99 ${(at(0.99) * 1000).toFixed(0)} µs (a frame is 16,700 µs)`,
  ],
  ['goal', '≥ 20,000 households/s'],
];
for (const [k, v] of rows) console.log(`${k.padEnd(16)} ${v}`);
