/** The household and member types are read off the field tables, so the two cannot drift apart. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { householdFields, memberFields, type Household, type Member } from '../../src/lib/engine';

describe('input model types', () => {
  it('give every field of the tables its value type, optional but for role and birthDate', () => {
    expectTypeOf<Member['sex']>().toEqualTypeOf<'female' | 'male' | undefined>();
    expectTypeOf<Member['pregnant']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Member['careEndDate']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Member['expectedBabies']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Member['role']>().toEqualTypeOf<'adult' | 'child'>();
    expectTypeOf<Member['birthDate']>().toEqualTypeOf<string>();
    expectTypeOf<Household['childcareServiceIncomeType']>().toEqualTypeOf<'ga' | 'na' | 'da' | 'ra' | 'none' | undefined>();
    expectTypeOf<Household['members']>().toEqualTypeOf<Member[]>();
    // Exactly the tables' keys: a field added to a table is a key of the type, and nothing else is.
    expectTypeOf<keyof Member>().toEqualTypeOf<keyof typeof memberFields>();
    expectTypeOf<Exclude<keyof Household, 'members'>>().toEqualTypeOf<keyof typeof householdFields>();
    expect(Object.keys(memberFields)).toContain('role');
  });
});
