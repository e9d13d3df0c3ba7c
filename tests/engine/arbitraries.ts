/** fast-check generators for households, driven by the input model registries. */
import fc from 'fast-check';
import { plusDays } from '../../src/lib/engine/dates';
import { type FieldSpec, householdFields, memberFields } from '../../src/lib/engine/inputModel';

export const AS_OF = '2024-10-15';

const dateAround = (fromDays: number, toDays: number) => fc.integer({ min: fromDays, max: toDays }).map((d) => plusDays(AS_OF, d));

function valueFor(field: string, spec: FieldSpec): fc.Arbitrary<unknown> {
  const t = spec.type;
  switch (t.kind) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...t.values);
    case 'integer':
      return fc.integer({ min: t.min, max: Math.min(t.max, 12) });
    case 'number':
      return field === 'monthlyIncome' ? fc.integer({ min: 0, max: 20_000_000 }) : fc.double({ min: 0, max: 300, noNaN: true });
    case 'date':
      if (field === 'dueDate') return dateAround(0, 300);
      return dateAround(-60 * 365, 0);
  }
}

const optional = (arb: fc.Arbitrary<unknown>) => fc.option(arb, { nil: undefined, freq: 2 });

const memberArb = fc
  .record(
    Object.fromEntries(
      Object.entries(memberFields)
        .filter(([f]) => f !== 'role' && f !== 'birthDate')
        .map(([f, spec]) => [f, optional(valueFor(f, spec))]),
    ),
  )
  .chain((fields) =>
    fc
      .record({
        role: fc.constantFrom('adult', 'child'),
        birthDate: dateAround(-70 * 365, 0),
      })
      .map((core) => ({ ...core, ...fields })),
  );

/** Valid-typed households; some may still break cross-field checks (validateHousehold decides). */
export const householdArb = fc
  .record({
    ...Object.fromEntries(
      Object.entries(householdFields)
        .filter(([f]) => f !== 'asOf')
        .map(([f, spec]) => [f, optional(valueFor(f, spec))]),
    ),
    members: fc.array(memberArb, { minLength: 1, maxLength: 6 }),
  })
  .map((h) => stripUndefined({ asOf: AS_OF, ...h }));

export function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Anything at all, to feed the validator and the engine as if from a broken client. */
export const garbageArb = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  householdArb.chain((h) =>
    fc
      .record({ key: fc.constantFrom(...Object.keys(householdFields)), value: fc.anything() })
      .map(({ key, value }) => ({ ...h, [key]: value })),
  ),
  householdArb.chain((h) =>
    fc.record({ key: fc.constantFrom(...Object.keys(memberFields)), value: fc.anything() }).map(({ key, value }) => ({
      ...h,
      members: h.members.map((m, i) => (i === 0 ? { ...m, [key]: value } : m)),
    })),
  ),
);
