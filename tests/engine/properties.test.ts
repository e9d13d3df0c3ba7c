/** Property tests over generated households and all real rule files. */
import fc from 'fast-check';
import { runs } from '../fuzz';
import { describe, expect, it } from 'vitest';
import { evaluate, validateHousehold, type Household } from '../../src/lib/engine';
import { householdFields, memberFields } from '../../src/lib/engine/inputModel';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { daysBetween, isIsoDate, plusDays } from '../../src/lib/engine/dates';
import { AS_OF, garbageArb, householdArb } from './arbitraries';
import { errorText } from '../../src/lib/questionnaire/labels';
import { lang } from '../text';

const ko = lang('ko');
const en = lang('en');

const { rules, parameters } = loadRuleSetOrThrow();
const STATUSES = ['eligible', 'ineligible', 'unknown', 'upcoming'];
const RUNS = runs(10_000);

// Only catches a hang: 10,000 households over every rule took 200–280 s in one test on our 2-core
// machine under npm test's load, close to the 300 s this was.
// Each run makes one expect over a list of what is wrong, not one per rule: vitest's expect costs
// 40–140 µs a call, which over 44 rules × 10,000 households was most of this file's time.
describe('engine properties', { timeout: 900_000 }, () => {
  it('never throws on garbage: invalid input gets named problems, valid input a status for every rule', () => {
    fc.assert(
      fc.property(garbageArb, (input) => {
        const issues = validateHousehold(input);
        if (issues.length > 0) {
          expect(issues.every((p) => p.field && errorText(p, ko.t, 'ko') && errorText(p, en.t, 'en'))).toBe(true);
          return;
        }
        const { results } = evaluate(input as Household, { rules, parameters });
        expect(results).toHaveLength(rules.length);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('gives every rule a valid status (never an error) for any valid household', () => {
    fc.assert(
      fc.property(householdArb, (household) => {
        fc.pre(validateHousehold(household).length === 0);
        // Statuses, errors and missing inputs only: the lean path gives them as the full evaluation does
        // (explain.test.ts), at half the cost; the full path's own properties follow below.
        const wrong = evaluate(household, { rules, parameters, explain: false, validated: true }).results.flatMap((result) => [
          ...(result.error === undefined ? [] : [`${result.id}: ${result.error}`]),
          ...(STATUSES.includes(result.status) ? [] : [`${result.id}: status ${result.status}`]),
          ...(result.status === 'unknown' && result.missing.length === 0 ? [`${result.id} does not name what would decide it`] : []),
        ]);
        expect(wrong).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('outputs only real YYYY-MM-DD dates and no error, whatever the evaluation date in the years 1900–2100', () => {
    const dateFields = [
      'asOf',
      ...Object.entries({ ...householdFields, ...memberFields }).flatMap(([f, spec]) => (spec.type.kind === 'date' ? [f] : [])),
    ];
    // The same household moved in time, its dates clamped into the model's years; the last years weigh most.
    const moved = (h: Household, asOf: string): Household => {
      const shift = daysBetween(AS_OF, asOf);
      const move = (v: unknown) => (typeof v === 'string' && isIsoDate(v) ? [plusDays(v, shift), '1900-01-01'].sort()[1] : v);
      const fields = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, dateFields.includes(k) ? move(v) : v]));
      return { ...(fields(h) as Household), members: h.members.map((m) => fields(m) as Household['members'][number]) };
    };
    const days = daysBetween('1900-01-01', '2100-12-31');
    const asOfArb = fc.oneof(fc.integer({ min: 0, max: days }), fc.integer({ min: days - 800, max: days }), fc.constantFrom(0, days));
    const outputDates = (value: unknown, at: string): [string, unknown][] => {
      if (Array.isArray(value)) return value.flatMap((v, i) => outputDates(v, `${at}[${i}]`));
      if (typeof value !== 'object' || value === null) return [];
      return Object.entries(value).flatMap(([k, v]) =>
        /date$|^applyBy$|^asOf$/i.test(k) ? [[`${at}.${k}`, v] as [string, unknown]] : outputDates(v, `${at}.${k}`),
      );
    };
    fc.assert(
      fc.property(householdArb, asOfArb, (h, day) => {
        const household = moved(h, plusDays('1900-01-01', day));
        fc.pre(validateHousehold(household).length === 0);
        const evaluation = evaluate(household, { rules, parameters, validated: true });
        const errors = evaluation.results.flatMap((r) => (r.error === undefined ? [] : [`${r.id} on ${household.asOf}: ${r.error}`]));
        expect(errors).toEqual([]);
        const dates = outputDates(evaluation, 'evaluation');
        expect(dates.length).toBeGreaterThan(0);
        expect(
          dates.filter(([, date]) => date !== null && date !== undefined && !isIsoDate(date)).map(([at, date]) => `${at} = ${date}`),
        ).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 20) },
    );
  });

  it('never turns ineligible into anything else when an unknown field gets a value', () => {
    const incomeFields = new Set(['monthlyIncome', 'medianIncomePercent']);
    // householdSize is never unknown: absent, it defaults to the number of members.
    const fillArb = householdArb.chain((household) => {
      const householdSlots = Object.keys(householdFields).filter(
        (f) =>
          f !== 'asOf' &&
          f !== 'householdSize' &&
          (household as unknown as Record<string, unknown>)[f] === undefined &&
          !(
            incomeFields.has(f) &&
            ((household as Household).monthlyIncome !== undefined || (household as Household).medianIncomePercent !== undefined)
          ),
      );
      const memberSlots = household.members.flatMap((m, i) =>
        Object.keys(memberFields)
          .filter((f) => (m as unknown as Record<string, unknown>)[f] === undefined)
          .map((f) => [i, f] as const),
      );
      const slots = [...householdSlots.map((f) => [-1, f] as const), ...memberSlots];
      fc.pre(slots.length > 0);
      return fc.constantFrom(...slots).chain(([index, field]) =>
        householdArb.map((donor) => {
          const source =
            index < 0 ? (donor as unknown as Record<string, unknown>) : (donor.members[0] as unknown as Record<string, unknown>);
          const value = source[field];
          const filled = structuredClone(household) as unknown as Record<string, unknown> & { members: Record<string, unknown>[] };
          if (index < 0) filled[field] = value;
          else filled.members[index][field] = value;
          return { household, filled: filled as unknown as Household, field };
        }),
      );
    });
    fc.assert(
      fc.property(fillArb, ({ household, filled }) => {
        fc.pre(validateHousehold(household).length === 0 && validateHousehold(filled).length === 0);
        // Statuses only: the lean path (see above).
        const lean = { rules, parameters, asOf: AS_OF, explain: false, validated: true };
        const before = evaluate(household, lean).results;
        const after = evaluate(filled, lean).results;
        const turned = before.flatMap((b, i) =>
          b.status === 'ineligible' && after[i].status !== 'ineligible' ? [`${b.id}: ${after[i].status}`] : [],
        );
        expect(turned).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  describe('the status lattice (rules/README.md, "How the engine reads a rule")', () => {
    const waived = new Map(rules.map((r) => [r.id, new Set(r.upcoming?.waived ?? [])]));
    /** Criteria that read no member fact: they decide the same way for every member. */
    const householdLevel = new Map(
      rules.map((r) => [r.id, new Set(r.criteria.filter((c) => !JSON.stringify(c.logic).includes('"member.')).map((c) => c.id))]),
    );

    it('is eligible only with every criterion met, upcoming only with every criterion that is not waived met, and never ineligible without an unmet one', () => {
      fc.assert(
        fc.property(householdArb, (household) => {
          fc.pre(validateHousehold(household).length === 0);
          const broken: string[] = [];
          for (const result of evaluate(household, { rules, parameters, validated: true }).results) {
            for (const c of result.candidates ?? [{ status: result.status, criteria: result.criteria }]) {
              const open = c.criteria.filter((o) => !waived.get(result.id)!.has(o.id));
              if (c.status === 'eligible' && !c.criteria.every((o) => o.outcome === 'met'))
                broken.push(`${result.id}: eligible with a criterion not met`);
              if (c.status === 'upcoming' && !open.every((o) => o.outcome === 'met'))
                broken.push(`${result.id}: upcoming hides ${JSON.stringify(open)}`);
              if (c.status === 'unknown' && open.some((o) => o.outcome === 'unmet'))
                broken.push(`${result.id}: unknown with an unmet criterion`);
              if (
                c.status === 'ineligible' &&
                !['notInEffect', 'noCandidate'].includes(result.reasons[0]?.code) &&
                !c.criteria.some((o) => o.outcome === 'unmet')
              )
                broken.push(`${result.id}: ineligible without an unmet criterion`);
            }
          }
          expect(broken).toEqual([]);
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    });

    it('gives ineligible whatever the members when a household-level criterion is unmet', () => {
      fc.assert(
        fc.property(householdArb, (household) => {
          fc.pre(validateHousehold(household).length === 0);
          const notIneligible = evaluate(household, { rules, parameters, validated: true }).results.flatMap((result) => {
            const level = householdLevel.get(result.id)!;
            const skip = waived.get(result.id)!;
            const unmet = (result.candidates ?? [{ criteria: result.criteria }]).some((c) =>
              c.criteria.some((o) => o.outcome === 'unmet' && level.has(o.id) && !skip.has(o.id)),
            );
            return unmet && result.status !== 'ineligible' ? [`${result.id}: ${result.status}`] : [];
          });
          expect(notIneligible).toEqual([]);
        }),
        { numRuns: Math.ceil(RUNS / 4) },
      );
    });
  });
});
