/**
 * A sample of the rule files' own cases, answered through the CLI (one --ndjson run): the command
 * line gives the same status and household amount the rule's tests expect. Every case already runs
 * through the engine in tests/rules; here each rule's first and last case prove the CLI's path.
 */
import { describe, expect, it } from 'vitest';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { run } from './helpers';

const ruleSet = loadRuleSetOrThrow();
const { rules } = ruleSet;
const cases = rules.flatMap((rule) => [rule.tests[0], rule.tests[rule.tests.length - 1]].map((test) => ({ rule, test })));

describe('rule cases through `benefits evaluate --ndjson`', async () => {
  const input = cases.map(({ test }) => JSON.stringify(test.household)).join('\n');
  const { code, stdout, stderr } = await run(['evaluate', '-', '--ndjson', '--lang', 'en'], input, ruleSet, { chunk: 4096 });
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

  it('evaluates every case without an error line', () => {
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines).toHaveLength(cases.length);
  });

  it.each(cases.map(({ rule, test }, i) => [`${rule.id}: ${test.name}`, i] as const))('%s', (_name, i) => {
    const { rule, test } = cases[i];
    const result = lines[i].results.find((r: { id: string }) => r.id === rule.id);
    expect(result.status).toBe(test.expect.status);
    if (test.expect.amount !== undefined) expect(result.amount?.value ?? null).toBe(test.expect.amount);
    if (test.expect.applyBy !== undefined) expect(result.applyBy).toBe(test.expect.applyBy);
  });
});
