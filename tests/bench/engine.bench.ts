/**
 * `npm run bench`: every rule over 10,000 generated households on one core, RUNS times, each way
 * the engine is used — the full evaluation (the app, the CLI's JSON, a household's detail) and the
 * lean one (explain: false: screening a sheet) — beside plain json-logic-js applying the same
 * rules' criteria to the same facts (no unknowns, no amounts, no explanations: a naive peer), and
 * a floor: five of the rules written by hand in plain TypeScript over the same facts, scaled to the
 * number of rules in force (an estimate of what evaluation costs without any engine).
 * Prints households/s of CPU time, min / median / max, and per-household latency (median, p99).
 * Not a test: figures are reported, not asserted.
 */
import { performance } from 'node:perf_hooks';
import jsonLogic from 'json-logic-js';
import { buildFacts, evaluate, parameterOn, resolveParameter, validateHousehold, type Household } from '../../src/lib/engine';
import type { MemberFacts } from '../../src/lib/engine/facts';
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
 * The floor: five child benefits written by hand (their criteria and amounts, unknown as undefined,
 * no upcoming, no explanation), over buildFacts' facts and the rules' own parameters.
 */
type Maybe = boolean | undefined;
const and3 = (...xs: Maybe[]): Maybe => (xs.includes(false) ? false : xs.includes(undefined) ? undefined : true);
const or3 = (a: Maybe, b: Maybe): Maybe => (a === true || b === true ? true : a === undefined || b === undefined ? undefined : false);
const at = (v: unknown, test: (v: never) => boolean): Maybe => (v === undefined ? undefined : test(v as never));
const paramsById = (id: string) => paramsOf.get(inForce.find((r) => r.id === id)!) as Record<string, number>;
const [ca, pa, hc, kc, fm] = ['child-allowance', 'parent-allowance', 'home-care-allowance', 'kids-cafe', 'first-meeting-voucher'].map(
  paramsById,
);
const newRulesFrom = String(fm.newRulesForBirthsFrom);
const HAND_WRITTEN = 5;

/** The household total of the candidates a rule holds for; -1 when none is sure and some are unknown. */
function total(pool: MemberFacts[], holds: (c: MemberFacts) => Maybe, amount: (c: MemberFacts) => number): number {
  let sum = 0;
  let unknown = false;
  for (const c of pool) {
    const v = holds(c);
    if (v === true) sum += amount(c);
    else if (v === undefined) unknown = true;
  }
  return sum === 0 && unknown ? -1 : sum;
}

function byHand(household: Household): number {
  const f = buildFacts(household, AS_OF, parameters);
  const expected = f.$childrenAndExpected;
  return (
    total(
      expected,
      (c) =>
        and3(
          !c.unborn,
          or3(
            at(c.ageMonths, (m: number) => m <= ca.maxMonths),
            at(c.calendarAge, (a: number) => a === ca.wholeYearCalendarAge),
          ),
        ),
      () => ca.monthlyPerChild,
    ) +
    total(
      expected,
      (c) =>
        and3(
          !c.unborn,
          at(c.ageMonths, (m: number) => m <= pa.maxMonths),
        ),
      (c) => ((c.ageMonths as number) < pa.age1FromMonths ? pa.amountAge0 : pa.amountAge1),
    ) +
    total(
      f.children,
      (c) =>
        and3(
          at(c.ageMonths, (m: number) => hc.minMonths <= m && m <= hc.maxMonths),
          at(c.attendsDaycare, (d: boolean) => d === false),
          or3(
            at(c.ageYears, (y: number) => y < 6),
            at(c.inSchool, (s: boolean) => s === false),
          ),
        ),
      () => hc.monthlyPerChild,
    ) +
    total(
      f.children,
      (c) => at(c.calendarAge, (a: number) => a <= kc.maxYearAge),
      () => kc.feePerChild,
    ) +
    total(
      expected,
      (c) => {
        const born = c.birthDate as string | undefined;
        const years = born === undefined ? undefined : born >= newRulesFrom ? fm.usePeriodYears : fm.earlierUsePeriodYears;
        return and3(
          !c.unborn,
          at(c.birthRegistered, (r: boolean) => r === true),
          born === undefined ? undefined : AS_OF < plusYears(born, years!),
        );
      },
      (c) =>
        (c.birthDate as string) < newRulesFrom
          ? fm.firstChildAmount
          : (c.birthOrder as number) >= 2
            ? fm.laterChildAmount
            : fm.firstChildAmount,
    )
  );
}

const ways: [string, (h: Household) => unknown][] = [
  ['engine, full', (h) => evaluate(h, ruleSet)],
  ['engine, lean', (h) => evaluate(h, { ...ruleSet, explain: false })],
  ['plain json-logic-js', plainJsonLogic],
  ['facts only', (h) => buildFacts(h, AS_OF, parameters)],
  [`by hand, ${HAND_WRITTEN} rules`, byHand],
];

interface Run {
  perSecond: number;
  latencies: number[];
}

function measure(fn: (h: Household) => unknown): Run {
  const latencies: number[] = new Array(households.length);
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < households.length; i += 1) {
    const t0 = performance.now();
    fn(households[i]);
    latencies[i] = performance.now() - t0;
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: (households.length / (cpu.user + cpu.system)) * 1e6, latencies };
}

// Warm up the JIT so the figures describe steady state, as in a long-lived page or CLI batch.
for (const [, fn] of ways) for (let i = 0; i < 1_000; i += 1) fn(households[i % households.length]);

const runs = new Map<string, Run[]>(ways.map(([name]) => [name, []]));
// Interleaved, so that a busy moment of a shared machine falls on every way alike.
for (let r = 0; r < RUNS; r += 1) for (const [name, fn] of ways) runs.get(name)!.push(measure(fn));

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians = new Map([...runs].map(([name, rs]) => [name, median(rs.map((r) => r.perSecond))]));
console.log(`${rules.length} rules (${inForce.length} in force on ${AS_OF}), ${households.length} households, ${RUNS} runs`);
console.log('households/s of CPU time (min / median / max)      latency median, p99');
for (const [name, rs] of runs) {
  const rates = rs.map((r) => r.perSecond).sort((a, b) => a - b);
  const all = rs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (q: number) => `${(all[Math.min(all.length - 1, Math.floor(q * all.length))] * 1000).toFixed(0)} µs`;
  console.log(
    `${name.padEnd(20)} ${fmt(rates[0]).padStart(7)} / ${fmt(median(rates)).padStart(7)} / ${fmt(rates[rates.length - 1]).padStart(7)}      ${at(0.5)}, ${at(0.99)}`,
  );
}
// The floor per run: facts once, plus the hand-written rules' own cost scaled to every rule in force.
const floor = runs.get('facts only')!.map((facts, r) => {
  const perFacts = 1 / facts.perSecond;
  const perHand = 1 / runs.get(`by hand, ${HAND_WRITTEN} rules`)![r].perSecond;
  return 1 / (perFacts + ((perHand - perFacts) * inForce.length) / HAND_WRITTEN);
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
