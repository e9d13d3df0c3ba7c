import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkParameter, checkRule, formatProblem, parseRule, ruleSetProblems } from '../../src/build/rules/check';
import { loadShared } from '../../src/build/rules/load';
import { text } from '../text';

const good = JSON.parse(readFileSync('rules/postpartum-care.json', 'utf8'));
const file = 'rules/postpartum-care.json';
const shared = loadShared();
const tree = shared.parameters;
const problemsOf = (data: unknown, name = file) => checkRule(data, name, shared).problems;
/** A criterion written in the rule file itself (not a shared one). */
const own = good.criteria.findIndex((c: { shared?: string }) => c.shared === undefined);
const withChange = (change: (rule: typeof good) => void) => {
  const rule = structuredClone(good);
  change(rule);
  return problemsOf(rule);
};

describe('rule file checks', () => {
  it('accepts a correct rule file', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it('names file, path and reason for a schema violation', () => {
    const problems = withChange((r) => delete r.legalBasis);
    expect(problems).toContainEqual({ file, path: '/', reason: "must have required property 'legalBasis'" });
    expect(formatProblem(problems[0])).toBe("rules/postpartum-care.json: /: must have required property 'legalBasis'");
  });

  it('rejects a rule without a source, a legal basis or enough tests', () => {
    expect(withChange((r) => (r.legalBasis = [])).map((p) => p.path)).toContain('/legalBasis');
    expect(withChange((r) => delete r.source).map((p) => p.reason)).toContain("must have required property 'source'");
    expect(withChange((r) => (r.tests = r.tests.slice(0, 1))).map((p) => p.path)).toContain('/tests');
  });

  it('catches a misspelt fact, which would otherwise stay unknown forever', () => {
    const problems = withChange((r) => (r.criteria[own].logic = { '===': [{ var: 'household.residense' }, 'seoul'] }));
    expect(problems).toEqual([{ file, path: `/criteria/${own}/logic/===/0`, reason: 'unknown fact "household.residense"' }]);
  });

  it('forbids loose equality and unknown operators', () => {
    const loose = withChange((r) => (r.criteria[own].logic = { '==': [{ var: 'household.residence' }, 'seoul'] }));
    expect(loose[0].reason).toMatch(/operator "==" is not allowed/);
    const unknown = withChange((r) => (r.criteria[own].logic = { ageInDays: [1] }));
    expect(unknown[0].reason).toBe('unknown operator "ageInDays"');
  });

  it('forbids a default on var, since absent input means unknown', () => {
    const problems = withChange((r) => (r.criteria[own].logic = { '===': [{ var: ['household.residence', 'seoul'] }, 'seoul'] }));
    expect(problems[0].reason).toMatch(/default/);
  });

  it('keeps member facts out of household-level expressions', () => {
    const problems = withChange((r) => {
      r.scope = { members: 'household' };
      delete r.upcoming;
      delete r.applyBy;
      r.amount.basis = 'household';
    });
    expect(problems.map((p) => p.reason)).toContain(
      '"member.birthRegisteredInSeoul" is not available here: it needs a member scope and a per-member amount',
    );
  });

  it('checks ids, waived criteria, dates and test households', () => {
    expect(withChange((r) => (r.criteria[1].id = r.criteria[0].id)).map((p) => p.reason)).toContain(
      `duplicate criterion id "${good.criteria[0].id}"`,
    );
    expect(withChange((r) => (r.upcoming.waived = ['nope'])).map((p) => p.reason)).toContain('names no criterion: "nope"');
    expect(withChange((r) => (r.validTo = '2020-01-01')).map((p) => p.reason)).toContain('is before validFrom');
    expect(withChange((r) => (r.tests[0].household.members[0].birthDate = '1990-02-30')).map((p) => p.path)).toContain(
      '/tests/0/household/members[0].birthDate',
    );
    expect(withChange((r) => delete r.tests[0].household.asOf).map((p) => p.reason)).toContain('a test household needs a fixed asOf');
    expect(problemsOf(good, 'rules/another-name.json').map((p) => p.reason)).toContain('must match the file name "another-name"');
  });

  it('reports unparsable JSON with the file name', () => {
    expect(parseRule('{ "id": ', 'rules/broken.json', shared).problems[0]).toMatchObject({
      file: 'rules/broken.json',
      path: '/',
      reason: expect.stringMatching(/^not valid JSON/),
    });
  });

  it('checks parameters: a known unit, values of that unit, and shared ones that exist', () => {
    const first = Object.keys(good.parameters)[0];
    expect(withChange((r) => (r.parameters[first].unit = 'furlongs')).map((p) => p.path)).toContain(`/parameters/${first}/unit`);
    const start = Object.keys(good.parameters[first].values)[0];
    expect(withChange((r) => (r.parameters[first].values[start].value = '1,000,000')).map((p) => p.reason)).toContain(
      'must be a number (unit KRW), not "1,000,000"',
    );
    expect(withChange((r) => delete r.parameters[first].values[start].reference).map((p) => p.reason)).toContain(
      "must have required property 'reference'",
    );
    expect(withChange((r) => (r.parameters[first] = { shared: 'no/such-figure' }))).toContainEqual({
      file,
      path: `/parameters/${first}/shared`,
      reason: 'names no file rules/parameters/no/such-figure.json',
    });
    expect(withChange((r) => (r.parameters[first] = { shared: 'single-parent/income-limit-percent' }))).toEqual([]);
  });

  it('checks a shared parameter file like a rule file', () => {
    const median = tree['median-income'];
    expect(checkParameter(median, 'rules/parameters/median-income.json')).toEqual([]);
    const bad = structuredClone(median);
    bad.values['2024-01-01'].value = [2228445];
    expect(checkParameter(bad, 'rules/parameters/median-income.json')[0].reason).toMatch(/one per household size/);
    expect(checkParameter({ unit: 'KRW', values: {} }, 'x.json')[0].reason).toMatch(/must NOT have fewer than 1 properties/);
  });

  it('writes out a shared criterion with its one label and logic, and names a missing one', () => {
    const seoul = good.criteria.findIndex((c: { shared?: string }) => c.shared === 'lives-in-seoul');
    expect(seoul).toBeGreaterThanOrEqual(0);
    const { rule } = checkRule(good, file, shared);
    const { label, logic } = shared.criteria['lives-in-seoul'];
    expect(rule!.criteria[seoul]).toEqual({ id: good.criteria[seoul].id, label, logic });
    expect(withChange((r) => (r.criteria[seoul].shared = 'lives-on-the-moon'))).toContainEqual({
      file,
      path: `/criteria/${seoul}/shared`,
      reason: 'names no file rules/criteria/lives-on-the-moon.json',
    });
  });

  it('refuses an instead that names no rule, the rule itself, or goes round in a circle', () => {
    const a = { ...good, id: 'a', instead: [{ of: 'b', why: good.names }] };
    const b = { ...good, id: 'b', instead: [{ of: 'c', why: good.names }] };
    const c = { ...good, id: 'c', instead: [{ of: 'a', why: good.names }] };
    const files = (...rules: (typeof good)[]) => rules.map((rule) => ({ rule, file: `rules/${rule.id}.json` }));
    expect(ruleSetProblems(files(a, b, { ...c, instead: undefined }))).toEqual([]);
    expect(ruleSetProblems(files(a, b, c)).map((p) => p.reason)).toContain('goes round in a circle: a → b → c → a');
    expect(ruleSetProblems(files(a))).toEqual([{ file: 'rules/a.json', path: '/instead/0/of', reason: 'names no rule file: "b"' }]);
    expect(ruleSetProblems(files({ ...a, instead: [{ of: 'a', why: good.names }] }))[0].reason).toBe('names the rule itself');
  });

  it('refuses links a resident applies at unless https, and sources unless http(s); never javascript:, data: or user-info', () => {
    const online = (url: string) => withChange((r) => (r.apply.online = [{ name: text('신청', 'apply'), url }]));
    const reference = (url: string) => withChange((r) => (r.references = [{ title: 'law', url }]));
    const source = (url: string) => {
      const median = structuredClone(tree['median-income']);
      const start = Object.keys(median.values)[0];
      median.values[start].url = url;
      return checkParameter(median, 'rules/parameters/median-income.json').map((p) => [p.path, p.reason]);
    };
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'https://x@evil.test/', 'http://portal.test:4996@evil.test:4997/']) {
      expect(online(url)).toContainEqual({ file, path: '/apply/online/0/url', reason: `must be an https:// link, not "${url}"` });
      expect(reference(url)).toContainEqual({
        file,
        path: '/references/0/url',
        reason: `must be an https:// or http:// link, not "${url}"`,
      });
      expect(source(url)).toContainEqual([
        expect.stringMatching(/^\/values\/.+\/url$/),
        `must be an https:// or http:// link, not "${url}"`,
      ]);
    }
    expect(online('http://umppa.seoul.go.kr')).toContainEqual({
      file,
      path: '/apply/online/0/url',
      reason: 'must be an https:// link, not "http://umppa.seoul.go.kr"',
    });
    expect(online('https://umppa.seoul.go.kr/')).toEqual([]);
    expect(reference('http://www.mediabaro.com/news/416633')).toEqual([]);
    expect(source('http://v.daum.net/v/20240422184356354')).toEqual([]);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const { rule, problems } = parseRule('{\n  "id": "postpartum-care",\n  "kind": "benefit",\n}\n', file, shared);
    expect(rule).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0].reason).toMatch(/^not valid JSON at line 4, column 1: /);
    // A file cut short: JSON.parse gives no position, the end of the file is where it stopped.
    expect(parseRule('{\n  "id": "postpartum-care",\n', file, shared).problems[0].reason).toMatch(/^not valid JSON at line 3, column 1: /);
  });

  it('names a parameter start date that is not a date, once, in a shared file and in a rule', () => {
    const median = structuredClone(tree['median-income']);
    const [dated] = Object.values(median.values);
    median.values = { '2024-13-01': dated, soon: dated, '2024-01-01': dated };
    expect(checkParameter(median, 'rules/parameters/median-income.json')).toEqual(
      ['2024-13-01', 'soon'].map((key) => ({
        file: 'rules/parameters/median-income.json',
        path: '/values',
        reason: `key "${key}" must match format "date" (a real date, YYYY-MM-DD)`,
      })),
    );
    const first = Object.keys(good.parameters)[0];
    const inRule = withChange((r) => {
      const [own] = Object.values(r.parameters[first].values);
      r.parameters[first].values = { soon: own };
    });
    expect(inRule).toContainEqual({
      file,
      path: `/parameters/${first}/values`,
      reason: 'key "soon" must match format "date" (a real date, YYYY-MM-DD)',
    });
    expect(inRule.map((p) => p.reason)).not.toContain('property name must be valid');
  });
});
