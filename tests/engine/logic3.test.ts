import { describe, expect, it } from 'vitest';
import { readsMember, UNKNOWN } from '../../src/lib/engine/logic3';
import { compileExpression } from '../../src/build/rules/compile';

/** The generated code of `logic` applied to `data`. */
const evaluate3 = (logic: unknown, data: unknown, missing: string[]) => compileExpression(logic)(data, missing);

const data = {
  asOf: '2024-10-15',
  household: {
    $missing: { residence: ['residence'], incomePercent: ['monthlyIncome'] },
    residence: undefined,
    incomePercent: undefined,
    singleParent: true,
    children: [
      { $missing: {}, ageMonths: 10, inSchool: true },
      { $missing: { inSchool: ['members[2].inSchool'] }, ageMonths: 30, inSchool: undefined },
    ],
  },
};

function run(logic: unknown) {
  const missing: string[] = [];
  return { value: evaluate3(logic, data, missing), missing: [...missing] };
}

describe('three-valued evaluation', () => {
  it('never lets an unknown fact reach a comparison: {"<": [unknown, 15]} is unknown, not true', () => {
    expect(run({ '<': [{ var: 'household.incomePercent' }, 15] })).toEqual({ value: UNKNOWN, missing: ['monthlyIncome'] });
  });

  it('decides and / or without the unknown operand when another operand settles it', () => {
    expect(run({ and: [{ '===': [{ var: 'household.singleParent' }, false] }, { var: 'household.residence' }] }).value).toBe(false);
    expect(run({ or: [{ var: 'household.residence' }, { '===': [{ var: 'household.singleParent' }, true] }] }).value).toBe(true);
    expect(run({ and: [{ var: 'household.singleParent' }, { var: 'household.residence' }] })).toEqual({
      value: UNKNOWN,
      missing: ['residence'],
    });
  });

  it('names no input for an expression that decided without it', () => {
    expect(run({ or: [{ var: 'household.residence' }, { '===': [{ var: 'household.singleParent' }, true] }] }).missing).toEqual([]);
    expect(run({ and: [{ var: 'household.residence' }, { '===': [{ var: 'household.singleParent' }, false] }] }).missing).toEqual([]);
    const inSchool = { '===': [{ var: 'inSchool' }, true] };
    expect(run({ some: [{ var: 'household.children' }, inSchool] }).missing).toEqual([]);
    expect(run({ if: [{ var: 'household.residence' }, 1, 1] }).missing).toEqual([]);
    // What was missing before the expression stays named.
    const missing = ['members[0].sex'];
    evaluate3({ or: [{ var: 'household.residence' }, true] }, data, missing);
    expect([...missing]).toEqual(['members[0].sex']);
  });

  it('negates unknown as unknown', () => {
    expect(run({ '!': { var: 'household.residence' } }).value).toBe(UNKNOWN);
  });

  it('answers some / all / none over members three-valued', () => {
    const inSchool = { '===': [{ var: 'inSchool' }, true] };
    expect(run({ some: [{ var: 'household.children' }, inSchool] }).value).toBe(true);
    expect(run({ all: [{ var: 'household.children' }, inSchool] })).toEqual({ value: UNKNOWN, missing: ['members[2].inSchool'] });
    expect(run({ none: [{ var: 'household.children' }, { '>': [{ var: 'ageMonths' }, 40] }] }).value).toBe(true);
    expect(run({ all: [{ var: 'household.children' }, { '<': [{ var: 'ageMonths' }, 12] }] }).value).toBe(false);
  });

  it('keeps an if whose condition is unknown unknown unless every branch agrees', () => {
    expect(run({ if: [{ var: 'household.residence' }, 1, 2] }).value).toBe(UNKNOWN);
    expect(run({ if: [{ var: 'household.residence' }, 1, 1] }).value).toBe(1);
    expect(run({ if: [true, 1, 2] }).value).toBe(1);
  });

  it('evaluates known expressions with json-logic-js and the added date operations', () => {
    expect(run({ '<=': [{ var: 'asOf' }, { addDays: ['2024-08-16', 60] }] }).value).toBe(true);
    expect(run({ count: [{ filter: [{ var: 'household.children' }, { '>=': [{ var: 'ageMonths' }, 24] }] }] }).value).toBe(1);
    expect(run({ '+': [1, 2, 3] }).value).toBe(6);
  });

  it('refuses loose equality, which rule files must not use', () => {
    expect(() => run({ '==': [1, '1'] })).toThrow(/not allowed/);
  });
});

describe('operators called directly', () => {
  it('agree with json-logic-js on every kind of operand', async () => {
    const { directOperators } = await import('../../src/lib/engine/logic3');
    const { jsonLogic } = await import('../../src/lib/engine/operations');
    const samples = [0, 1, -2, 2.5, 150, '150', '2024-10-15', '2024-10-16', '', true, false, 'seoul', [], [1]];
    for (const op of ['===', '!==', '>', '>=', '<', '<=', '-', '/', '%']) {
      for (const a of samples) {
        // json-logic-js copies array operands, so identity comparisons of one array with itself differ; rules never do that.
        for (const b of samples.filter((x) => !(Array.isArray(x) && x === a && op.includes('==')))) {
          const direct = (directOperators[op] as (...x: unknown[]) => unknown)(a, b);
          const reference = jsonLogic.apply({ [op]: [a, b] } as never);
          expect(Object.is(direct, reference) || (Number.isNaN(direct) && Number.isNaN(reference)), `${op} ${JSON.stringify([a, b])}`).toBe(
            true,
          );
        }
        if (op === '<' || op === '<=') {
          const between = (directOperators[op] as (...x: unknown[]) => unknown)(1, a, 200);
          expect(between).toBe(jsonLogic.apply({ [op]: [1, a, 200] } as never));
        }
      }
      if (op === '-') expect((directOperators['-'] as (x: number) => number)(5)).toBe(jsonLogic.apply({ '-': [5] } as never));
    }
    // The rest take any number of operands; json-logic-js copies array operands, so results are compared by value.
    const lists = [[], [1], ['a', 'b'], [0, [2]]];
    const operands = [...samples, ...lists, 'seoul-gu', -1, 3];
    for (const op of ['in', 'cat', 'substr', '+', '*', 'min', 'max', 'merge']) {
      for (const args of [
        [],
        [operands[1]],
        ...operands.flatMap((a) => operands.map((b) => [a, b])),
        [operands[6], 1, -2],
        ['abcdef', -3, 2],
      ]) {
        const call = () => (directOperators[op] as (...x: unknown[]) => unknown)(...args);
        const reference = () => jsonLogic.apply({ [op]: args } as never);
        let expected: unknown;
        try {
          expected = reference();
        } catch (e) {
          expect(call, `${op} ${JSON.stringify(args)}`).toThrow((e as Error).constructor as never);
          continue;
        }
        expect(call(), `${op} ${JSON.stringify(args)}`).toEqual(expected);
      }
    }
  });
});

describe('readsMember', () => {
  it('tells expressions that may read the member being checked from those that read only the household', () => {
    expect(readsMember({ '<': [{ var: 'member.ageYears' }, 18] })).toBe(true);
    expect(readsMember({ some: [{ var: 'household.children' }, { '<=': [{ var: 'ageYears' }, 12] }] })).toBe(false);
    expect(readsMember({ '===': [{ var: 'household.residence' }, 'seoul'] })).toBe(false);
    expect(readsMember({ var: [{ cat: ['mem', 'ber.ageYears'] }] })).toBe(true);
    expect(readsMember({ var: '' })).toBe(true);
    expect(readsMember(undefined)).toBe(false);
    expect(readsMember([1, { var: 'member.unborn' }])).toBe(true);
  });
});
