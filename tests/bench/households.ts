/**
 * Realistic generated households for benchmarks: one or two adults of parenting age, up to three
 * children, sometimes a pregnancy, each optional answer given seven times in ten. Deterministic
 * for a seed, so runs compare.
 */
import { plusDays } from '../../src/lib/engine/dates';
import { householdFields, memberFields, type FieldSpec, type Household } from '../../src/lib/engine/inputModel';

export const BENCH_AS_OF = '2024-10-15';

function answer(spec: FieldSpec, rng: () => number): unknown {
  const t = spec.type;
  switch (t.kind) {
    case 'boolean':
      return rng() < 0.5;
    case 'enum':
      return t.values[Math.floor(rng() * t.values.length)];
    case 'integer':
      return t.min + Math.floor(rng() * Math.min(4, t.max - t.min + 1));
    case 'number':
      return Math.round(rng() * Math.min(t.max, 200));
    case 'date':
      return plusDays(BENCH_AS_OF, -Math.floor(rng() * 3650));
  }
}

function fill(target: Record<string, unknown>, specs: Record<string, FieldSpec>, skip: string[], rng: () => number, role?: string) {
  for (const [field, spec] of Object.entries(specs)) {
    if (skip.includes(field) || rng() > 0.7) continue;
    if (role && spec.appliesTo && spec.appliesTo !== 'any' && spec.appliesTo !== role) continue;
    target[field] = answer(spec, rng);
  }
}

const memberSkip = ['role', 'birthDate', 'pregnant', 'dueDate', 'expectedBabies', 'sex', 'careEndDate', 'birthRegistered'];

export function realisticHousehold(seed: number): Household {
  let state = seed >>> 0 || 1;
  const rng = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const household: Record<string, unknown> = { asOf: BENCH_AS_OF };
  fill(household, householdFields, ['asOf', 'householdSize', 'medianIncomePercent', 'monthlyIncome'], rng);
  if (rng() < 0.7) household.monthlyIncome = Math.round(rng() * 10_000_000);
  const members: Record<string, unknown>[] = [];
  const adults = rng() < 0.25 ? 1 : 2;
  for (let i = 0; i < adults; i += 1) {
    const sex = i === 0 ? 'female' : 'male';
    const adult: Record<string, unknown> = {
      role: 'adult',
      sex,
      birthDate: plusDays(BENCH_AS_OF, -Math.floor((20 + rng() * 30) * 365.25)),
    };
    fill(adult, memberFields, memberSkip, rng, 'adult');
    if (sex === 'female') {
      adult.pregnant = rng() < 0.2;
      if (adult.pregnant) adult.dueDate = plusDays(BENCH_AS_OF, Math.floor(rng() * 280));
    }
    members.push(adult);
  }
  const children = Math.floor(rng() * 4);
  for (let i = 0; i < children; i += 1) {
    const child: Record<string, unknown> = { role: 'child', birthDate: plusDays(BENCH_AS_OF, -Math.floor(rng() * 19 * 365.25)) };
    fill(child, memberFields, memberSkip, rng, 'child');
    members.push(child);
  }
  household.members = members;
  return household as unknown as Household;
}

/** `count` realistic households from a fixed seed. */
export function benchHouseholds(count: number, seed = 20241015): Household[] {
  return Array.from({ length: count }, (_, i) => realisticHousehold(seed + i * 7919));
}
