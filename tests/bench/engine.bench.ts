/**
 * `npm run bench`: every rule over 10,000 generated households on one core, RUNS times, each way
 * the engine is used — the full evaluation (the app, the CLI's JSON, a household's detail) and the
 * lean one (explain: false: screening a sheet) — beside plain json-logic-js applying the same
 * rules' criteria to the same facts (no unknowns, no amounts, no explanations: a naive peer), and
 * a floor: five of the rules written by hand in plain TypeScript over the same facts, scaled to the
 * number of rules in force (an estimate of what evaluation costs without any engine).
 * Prints households/s of CPU time, min / median / max, and per-household latency (median, p99).
 * `npm run bench` runs it with V8's garbage collector on the measuring thread
 * (`--single-threaded-gc`), so that the CPU time is one core's: by default V8 also collects on
 * helper threads of the other cores, and the process's CPU time then adds theirs, with their
 * hand-over costs, to the engine's. Not a test: figures are reported, not asserted.
 */
import { performance } from 'node:perf_hooks';
import jsonLogic from 'json-logic-js';
import { buildFacts, evaluate, parameterOn, resolveParameter, validateHousehold, type Household } from '../../src/lib/engine';
import type { HouseholdFacts } from '../../src/lib/engine/facts';
import { plusYears } from '../../src/lib/engine/dates';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { BENCH_AS_OF, benchHouseholds } from './households';

const COUNT = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const AS_OF = process.env.BENCH_AS_OF ?? BENCH_AS_OF;
const ruleSet = loadRuleSetOrThrow();
const { rules, parameters } = ruleSet;

const households = benchHouseholds(COUNT).map((h) => ({ ...h, asOf: AS_OF }));
const invalid = households.filter((h) => validateHousehold(h).length > 0).length;
if (invalid > 0) throw new Error(`${invalid} generated households are invalid`);

/** The naive peer: facts built, then json-logic-js applies every criterion of every rule in force, per candidate. */
const inForce = rules.filter((r) => AS_OF >= r.validFrom && !(r.validTo && AS_OF > r.validTo));
const paramsOf = new Map(
  inForce.map((r) => [
    r,
    Object.fromEntries(Object.entries(r.parameters ?? {}).map(([k, p]) => [k, parameterOn(resolveParameter(p, parameters)!, AS_OF)])),
  ]),
);
function plainJsonLogic(household: Household): number {
  const facts = buildFacts(household, AS_OF, parameters);
  let met = 0;
  for (const rule of inForce) {
    const pool =
      rule.scope.members === 'household'
        ? [undefined]
        : rule.scope.members === 'child'
          ? facts.children
          : rule.scope.members === 'adult'
            ? facts.adults
            : facts.members;
    for (const member of pool) {
      const data = { asOf: AS_OF, household: facts, params: paramsOf.get(rule), member };
      for (const c of rule.criteria) {
        try {
          if (jsonLogic.truthy(jsonLogic.apply(c.logic as never, data as never))) met += 1;
        } catch {
          // Date arithmetic on an absent date: the peer has no unknown, so such a criterion is not met.
        }
      }
    }
  }
  return met;
}

/**
 * The floor: five child benefits written by hand as one would without an engine (criteria and
 * amounts straight over buildFacts' facts and the rules' own parameters, unknown as undefined; no
 * upcoming, no missing inputs, no explanation). Each gives the household's total, -1 for unknown.
 */
const paramsById = (id: string) => paramsOf.get(inForce.find((r) => r.id === id)!) as Record<string, number>;
const [ca, pa, hc, kc, fm] = ['child-allowance', 'parent-allowance', 'home-care-allowance', 'kids-cafe', 'first-meeting-voucher'].map(
  paramsById,
);
const newRulesFrom = String(fm.newRulesForBirthsFrom);
const HAND_WRITTEN = 5;

const settle = (sum: number, unknown: boolean) => (sum === 0 && unknown ? -1 : sum);

function childAllowance(f: HouseholdFacts): number {
  let sum = 0;
  let unknown = false;
  for (const c of f.$childrenAndExpected) {
    if (c.unborn) continue;
    const months = c.ageMonths;
    const age = c.calendarAge;
    if ((months !== undefined && months <= ca.maxMonths) || age === ca.wholeYearCalendarAge) sum += ca.monthlyPerChild;
    else if (months === undefined || age === undefined) unknown = true;
  }
  return settle(sum, unknown);
}

function parentAllowance(f: HouseholdFacts): number {
  let sum = 0;
  let unknown = false;
  for (const c of f.$childrenAndExpected) {
    if (c.unborn) continue;
    const months = c.ageMonths;
    if (months === undefined) unknown = true;
    else if (months <= pa.maxMonths) sum += months < pa.age1FromMonths ? pa.amountAge0 : pa.amountAge1;
  }
  return settle(sum, unknown);
}

function homeCareAllowance(f: HouseholdFacts): number {
  let sum = 0;
  let unknown = false;
  for (const c of f.children) {
    const months = c.ageMonths as number | undefined;
    const years = c.ageYears as number | undefined;
    const age = months === undefined ? undefined : hc.minMonths <= months && months <= hc.maxMonths;
    const atHome = c.attendsDaycare === undefined ? undefined : c.attendsDaycare === false;
    const young = years === undefined ? undefined : years < 6;
    const notInSchool = young === true || c.inSchool === false ? true : young === undefined || c.inSchool === undefined ? undefined : false;
    if (age === false || atHome === false || notInSchool === false) continue;
    if (age === undefined || atHome === undefined || notInSchool === undefined) unknown = true;
    else sum += hc.monthlyPerChild;
  }
  return settle(sum, unknown);
}

function kidsCafe(f: HouseholdFacts): number {
  let sum = 0;
  let unknown = false;
  for (const c of f.children) {
    if (c.calendarAge === undefined) unknown = true;
    else if ((c.calendarAge as number) <= kc.maxYearAge) sum += kc.feePerChild;
  }
  return settle(sum, unknown);
}

function firstMeetingVoucher(f: HouseholdFacts): number {
  let sum = 0;
  let unknown = false;
  for (const c of f.$childrenAndExpected) {
    const born = c.birthDate as string | undefined;
    if (c.unborn || c.birthRegistered === false) continue;
    if (born === undefined || c.birthRegistered === undefined) {
      unknown = true;
      continue;
    }
    const newRules = born >= newRulesFrom;
    if (AS_OF >= plusYears(born, newRules ? fm.usePeriodYears : fm.earlierUsePeriodYears)) continue;
    sum += newRules && (c.birthOrder as number) >= 2 ? fm.laterChildAmount : fm.firstChildAmount;
  }
  return settle(sum, unknown);
}

const byHand = (f: HouseholdFacts) => childAllowance(f) + parentAllowance(f) + homeCareAllowance(f) + kidsCafe(f) + firstMeetingVoucher(f);

/** The hand-written rules are timed on facts built beforehand, so that their own cost is measured, not a difference of two. */
const builtFacts = households.map((h) => buildFacts(h, AS_OF, parameters));

const ways: [string, (h: Household, i: number) => unknown][] = [
  ['engine, full', (h) => evaluate(h, ruleSet)],
  ['engine, lean', (h) => evaluate(h, { ...ruleSet, explain: false })],
  ['plain json-logic-js', plainJsonLogic],
  ['facts only', (h) => buildFacts(h, AS_OF, parameters)],
  [`${HAND_WRITTEN} rules by hand`, (_, i) => byHand(builtFacts[i])],
];

interface Run {
  perSecond: number;
  latencies: number[];
}

function measure(fn: (h: Household, i: number) => unknown): Run {
  const latencies: number[] = new Array(households.length);
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < households.length; i += 1) {
    const t0 = performance.now();
    fn(households[i], i);
    latencies[i] = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: (households.length / (cpu.user + cpu.system)) * 1e6, latencies };
}

// Warm up the JIT so the figures describe steady state, as in a long-lived page or CLI batch.
for (const [, fn] of ways) for (let i = 0; i < 1_000; i += 1) fn(households[i % households.length], i % households.length);

const runs = new Map<string, Run[]>(ways.map(([name]) => [name, []]));
// Interleaved, so that a busy moment of a shared machine falls on every way alike.
for (let r = 0; r < RUNS; r += 1) for (const [name, fn] of ways) runs.get(name)!.push(measure(fn));

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians = new Map([...runs].map(([name, rs]) => [name, median(rs.map((r) => r.perSecond))]));
const oneCore = process.execArgv.includes('--single-threaded-gc');
console.log(`${rules.length} rules (${inForce.length} in force on ${AS_OF}), ${households.length} households, ${RUNS} runs`);
console.log(
  oneCore
    ? 'garbage collection on the measuring thread: CPU time of one core'
    : 'garbage collection also on helper threads: their CPU time counts too',
);
console.log('households/s of CPU time (min / median / max)      latency median, p99');
for (const [name, rs] of runs) {
  const rates = rs.map((r) => r.perSecond).sort((a, b) => a - b);
  const all = rs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (q: number) => `${(all[Math.min(all.length - 1, Math.floor(q * all.length))] * 1000).toFixed(0)} µs`;
  console.log(
    `${name.padEnd(20)} ${fmt(rates[0]).padStart(7)} / ${fmt(median(rates)).padStart(7)} / ${fmt(rates[rates.length - 1]).padStart(7)}      ${at(0.5)}, ${at(0.99)}`,
  );
}
// The floor per run: facts once, plus the hand-written rules' cost scaled to every rule in force.
const floor = runs.get('facts only')!.map((facts, r) => {
  const perHand = 1 / runs.get(`${HAND_WRITTEN} rules by hand`)![r].perSecond;
  return 1 / (1 / facts.perSecond + (perHand * inForce.length) / HAND_WRITTEN);
});
const floors = [...floor].sort((a, b) => a - b);
console.log(
  `${'floor (estimate)'.padEnd(20)} ${fmt(floors[0]).padStart(7)} / ${fmt(median(floors)).padStart(7)} / ${fmt(floors[floors.length - 1]).padStart(7)}      facts + ${HAND_WRITTEN} rules by hand scaled to ${inForce.length}`,
);
const peer = medians.get('plain json-logic-js')!;
const ratios = (to: number) =>
  `full ${(medians.get('engine, full')! / to).toFixed(2)}×, lean ${(medians.get('engine, lean')! / to).toFixed(2)}×`;
console.log(`ratio to plain json-logic-js (medians): ${ratios(peer)}`);
console.log(`ratio to the floor (medians): ${ratios(median(floors))}`);
console.log(
  'goal: ≥ 20,000 households/s (lean, screening), ≥ 4× plain json-logic-js; a re-evaluation in the app well within a frame (16,700 µs)',
);
