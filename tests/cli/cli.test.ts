import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { run } from './helpers';
import { LANGUAGES } from '../../src/lib/languages';

const ruleSet = loadRuleSetOrThrow();
const { rules } = ruleSet;
const fixture = (name: string) => readFileSync(`tests/fixtures/households/${name}.json`, 'utf8');
const cli = (args: string[], input: string) => run(args, input, ruleSet);
const resultOf = (stdout: string, id: string) => JSON.parse(stdout).results.find((r: { id: string }) => r.id === id);

describe('benefits evaluate', () => {
  it('prints one JSON object with asOf and a result for every rule', async () => {
    const { code, stdout, stderr } = await cli(['evaluate', '-'], fixture('pregnant-seoul'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(out.asOf).toBe('2024-10-15');
    expect(out.results.map((r: { id: string }) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
    expect(Object.keys(out.results[0])).toEqual(
      expect.arrayContaining(['id', 'status', 'amount', 'criteria', 'missing', 'applyBy', 'reasons']),
    );
  });

  it('gives the household total as amount.value: newborn twins bring KRW 2,000,000 of 산후조리경비', async () => {
    const postpartum = resultOf((await cli(['evaluate', '-'], fixture('newborn-twins-seoul'))).stdout, 'postpartum-care');
    expect(postpartum).toMatchObject({ status: 'eligible', amount: { value: 2000000, per: 'once' }, applyBy: '2024-11-19' });
  });

  it('answers a pregnant woman in week 23 with 임산부 교통비 now and 산후조리경비 after the birth', async () => {
    const out = (await cli(['evaluate', '-'], fixture('pregnant-seoul'))).stdout;
    expect(resultOf(out, 'pregnancy-transport')).toMatchObject({ status: 'eligible', amount: { value: 700000 } });
    expect(resultOf(out, 'postpartum-care')).toMatchObject({ status: 'upcoming', upcomingDate: '2025-02-15' });
  });

  it('answers a low-income single parent with the national and Seoul allowances', async () => {
    const out = (await cli(['evaluate', '-', '--lang', 'en'], fixture('single-parent-low-income'))).stdout;
    expect(resultOf(out, 'single-parent-child-support')).toMatchObject({ status: 'eligible', amount: { value: 210000, per: 'month' } });
    expect(resultOf(out, 'youth-single-parent-support').status).toBe('eligible');
  });

  it('answers a household outside Seoul with the national voucher only', async () => {
    const out = (await cli(['evaluate', '-'], fixture('outside-seoul'))).stdout;
    expect(resultOf(out, 'first-meeting-voucher')).toMatchObject({ status: 'eligible', amount: { value: 2000000 } });
    expect(resultOf(out, 'postpartum-care').status).toBe('ineligible');
  });

  it("gives each member's own outcome and the household's totals, one-off and monthly apart", async () => {
    const out = JSON.parse((await cli(['evaluate', '-'], fixture('newborn-twins-seoul'))).stdout);
    const postpartum = out.results.find((r: { id: string }) => r.id === 'postpartum-care');
    expect(postpartum.members.map((m: { index: number; status: string }) => [m.index, m.status])).toEqual([
      [2, 'ineligible'],
      [3, 'eligible'],
      [4, 'eligible'],
    ]);
    expect(postpartum.members[1]).toMatchObject({ unborn: false, possible: false, amount: 1000000, missing: [] });
    expect(Object.keys(out.totals).sort()).toEqual(['limited', 'month', 'once', 'partial', 'upTo', 'upToMonth', 'year']);
    expect(out.totals.once).toBeGreaterThanOrEqual(2000000);
  });

  it('lets --as-of move the evaluation date', async () => {
    const out = JSON.parse((await cli(['evaluate', '-', '--as-of', '2024-11-20'], fixture('newborn-twins-seoul'))).stdout);
    expect(out.asOf).toBe('2024-11-20');
    expect(out.results.find((r: { id: string }) => r.id === 'postpartum-care').status).toBe('ineligible');
  });

  it('writes labels and reasons in the chosen language', async () => {
    const ko = resultOf((await cli(['evaluate', '-'], fixture('outside-seoul'))).stdout, 'postpartum-care');
    const en = resultOf((await cli(['evaluate', '-', '--lang', 'en'], fixture('outside-seoul'))).stdout, 'postpartum-care');
    expect(ko.reasons[0]).toMatch(/맞지 않는 조건/);
    expect(en.reasons[0]).toMatch(/condition not met/i);
  });

  for (const { code } of LANGUAGES) {
    it(`--lang ${code}: names, labels and reasons in that language, in the CSV too`, async () => {
      const out = JSON.parse((await cli(['evaluate', '-', '--lang', code], fixture('outside-seoul'))).stdout);
      const postpartum = out.results.find((r: { id: string }) => r.id === 'postpartum-care');
      const rule = rules.find((r) => r.id === 'postpartum-care')!;
      expect(postpartum.name).toBe(rule.names[code]);
      expect(postpartum.criteria[0].label).toBe(rule.criteria[0].label[code]);
      const unmet = postpartum.criteria.find((c: { outcome: string }) => c.outcome === 'unmet');
      expect(postpartum.reasons[0]).toContain(unmet.label);
      if (code !== 'ko') expect(JSON.stringify(postpartum)).not.toMatch(/\p{Script=Hangul}/u);
      const csv = await cli(['screen', '-', '--lang', code], '가구ID,기준일,거주지,성인1 생년월일\nH1,2024-10-15,서울,1990-01-01\n');
      expect(csv.stdout).toContain(rule.names[code]);
    });
  }

  it.each([
    ['garbage JSON', 'not json', /input: .*JSON/],
    [
      'a negative income',
      '{"monthlyIncome": -1, "members": [{"role": "adult", "birthDate": "1990-01-01"}]}',
      /monthlyIncome: 0보다 작은 금액은 입력할 수 없어요/,
    ],
    ['an impossible date', '{"members": [{"role": "adult", "birthDate": "1990-02-30"}]}', /members\[0\]\.birthDate/],
    [
      'a due date in the past',
      '{"asOf": "2024-10-15", "members": [{"role": "adult", "sex": "female", "birthDate": "1990-01-01", "pregnant": true, "dueDate": "2024-10-01"}]}',
      /members\[0\]\.dueDate/,
    ],
  ])('exits 2 with an empty stdout on %s, naming the field on stderr', async (_name, input, message) => {
    const { code, stdout, stderr } = await cli(['evaluate', '-'], input);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('refuses more than 30 members as one problem, however many there are, and a household size below them', async () => {
    const members = (n: number) =>
      JSON.stringify({ members: Array.from({ length: n }, () => ({ role: 'adult', birthDate: '1990-01-01' })) });
    for (const n of [31, 4_000])
      expect(await cli(['evaluate', '-'], members(n))).toMatchObject({
        code: 2,
        stdout: '',
        stderr: 'members: 가족은 30명까지 입력할 수 있어요\n',
      });
    expect((await cli(['evaluate', '-'], members(30))).code).toBe(0);
    const small = await cli(['evaluate', '-', '--lang', 'en'], JSON.stringify({ ...JSON.parse(members(3)), householdSize: 1 }));
    expect(small).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'householdSize: The household size cannot be less than the 3 people listed\n',
    });
  });

  it('refuses dates outside 1900–2100, the evaluation date included', async () => {
    const born = (birthDate: string) => JSON.stringify({ members: [{ role: 'adult', birthDate }] });
    expect((await cli(['evaluate', '-'], born('0000-01-01'))).stderr).toBe(
      'members[0].birthDate: 1900년부터 2100년 사이의 날짜를 입력해 주세요\n',
    );
    expect(await cli(['evaluate', '-', '--as-of', '9999-12-31'], born('1990-01-01'))).toMatchObject({ code: 2, stdout: '' });
  });

  it('rejects an invalid --as-of by name', async () => {
    const { code, stderr } = await cli(['evaluate', '-', '--as-of', '2024-02-30'], fixture('outside-seoul'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^asOf: /);
  });

  it.each([[[]], [['screen-all']], [['evaluate']], [['evaluate', '-', '--lang', 'fr']], [['evaluate', '-', '--bogus']]])(
    'exits 2 with usage on bad arguments %j',
    async (args) => {
      const { code, stdout, stderr } = await cli(args, '{}');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/usage: benefits/);
    },
  );

  it('says where a JSON syntax error is, by line and column, not by character position', async () => {
    const broken = await cli(['evaluate', '-'], '{\n  "members": [\n    {"role": "adult",, }\n  ]\n}\n');
    expect(broken).toMatchObject({ code: 2, stdout: '' });
    expect(broken.stderr).toMatch(/^input: 올바른 JSON이 아닙니다: 3번째 줄 22번째 글자 \(/);
    expect((await cli(['evaluate', '-', '--lang', 'en'], '{"members": [\n')).stderr).toMatch(
      /^input: not valid JSON at line 2, column 1 \(/,
    );
    // An --ndjson record names its line; the column says where in it.
    const [record] = (await cli(['evaluate', '-', '--ndjson'], '{"members": []}x')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(record).toMatchObject({
      line: 1,
      error: { issues: [{ field: 'input', reason: expect.stringMatching(/^올바른 JSON이 아닙니다: 16번째 글자 \(/) }] },
    });
  });

  it('evaluates --ndjson line by line, reporting a bad line and carrying on', async () => {
    const oneLine = (name: string) => JSON.stringify(JSON.parse(fixture(name)));
    const lines = [oneLine('pregnant-seoul'), '{"members": []}', 'garbage', oneLine('outside-seoul')].join('\n');
    const { code, stdout, stderr } = await cli(['evaluate', '-', '--ndjson'], lines);
    expect(code).toBe(0);
    const records = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(4);
    expect(records[0].results.length).toBe(rules.length);
    expect(records[1]).toMatchObject({ line: 2, error: { issues: [{ field: 'members', code: 'members.empty' }] } });
    expect(records[2]).toMatchObject({ line: 3, error: { issues: [{ field: 'input' }] } });
    expect(records[3].results.length).toBe(rules.length);
    expect(stderr).toMatch(/^line 2: members: /m);
  });
});

describe('the npm script', () => {
  it('runs as `npm run --silent benefits -- evaluate FILE` with JSON on stdout', async () => {
    const stdout = execFileSync(
      'npm',
      ['run', '--silent', 'benefits', '--', 'evaluate', 'tests/fixtures/households/outside-seoul.json', '--lang', 'en'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(stdout).asOf).toBe('2024-10-15');
  });

  it('exits 2 with stdout empty for bad input on standard input', async () => {
    const run = spawnSync('npm', ['run', '--silent', 'benefits', '--', 'evaluate', '-'], { input: '{"members":"x"}', encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/members: /);
  });
});
