/**
 * The rules' expressions as the build ships them (`virtual:benefit-rule-code`, the browser's only
 * way to run them under its CSP): every expression of every shipped rule is in the module, under the
 * key the engine looks it up by, and with nothing compiled at run time the rule files' own cases
 * come out as they say.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { compileExpression } from '../../src/build/rules/compile';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { checkRulesPlugin, shippedRuleSet } from '../../src/build/rules/plugin';
import { evaluate } from '../../src/lib/engine';
import { expressionsOf } from '../../src/lib/engine/evaluate';
import { expressionKey, provideCode, provideCompiler, runtime, type Code } from '../../src/lib/engine/logic3';

type Hook = (this: unknown, id: string) => string | undefined;

function builtModule(): string {
  const plugin = checkRulesPlugin() as Plugin & { resolveId: Hook; load: Hook };
  const context = { addWatchFile() {}, error: (message: string) => expect.unreachable(message) };
  return plugin.load.call(context, plugin.resolveId.call(context, 'virtual:benefit-rule-code')!)!;
}

describe('the rule code module of the build', () => {
  const text = builtModule();
  const makeCode = new Function(`return ${text.replace(/^export default /, '')}`)() as (h: typeof runtime) => Record<string, Code>;
  const table = makeCode(runtime);
  afterAll(() => provideCompiler(compileExpression));

  it('is one exported function that compiles nothing at run time', () => {
    expect(text.startsWith('export default function (h) {')).toBe(true);
    expect(text).not.toMatch(/\bnew Function\b|\beval\(/);
  });

  it('holds every expression of every shipped rule under its key', () => {
    for (const rule of shippedRuleSet().rules)
      for (const logic of expressionsOf(rule))
        if (typeof logic === 'object' && logic !== null)
          expect(table[expressionKey(logic)], `${rule.id}: ${JSON.stringify(logic)}`).toBeTypeOf('function');
  });

  it("gives each rule file's cases their expected status and amount with only the build's code", () => {
    provideCode(table);
    provideCompiler((logic) => expect.unreachable(`compiled at run time: ${JSON.stringify(logic)}`));
    const { rules, parameters } = loadRuleSetOrThrow();
    for (const rule of rules)
      for (const test of rule.tests) {
        const got = evaluate(test.household, { rules, parameters }).results.find((r) => r.id === rule.id)!;
        expect(got.error, `${rule.id}: ${test.name}`).toBeUndefined();
        expect(got.status, `${rule.id}: ${test.name}`).toBe(test.expect.status);
        if (test.expect.amount !== undefined) expect(got.amount?.value ?? null, `${rule.id}: ${test.name}`).toBe(test.expect.amount);
      }
  });
});
