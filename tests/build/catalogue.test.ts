import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesReadme } from '../../src/build/rules/catalogue';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';

describe('rules/README.md', () => {
  const doc = readFileSync('rules/README.md', 'utf8');
  const ruleSet = loadRuleSetOrThrow();
  const { rules } = ruleSet;

  it('holds the catalogue and input model as generated from the rule files (run `npm run catalogue`)', () => {
    expect(doc).toBe(renderRulesReadme(doc, ruleSet));
  });

  it('lists every benefit id', () => {
    for (const rule of rules) expect(doc).toContain(`\`${rule.id}\``);
  });
});
