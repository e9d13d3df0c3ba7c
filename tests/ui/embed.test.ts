import { readdirSync, readFileSync } from 'node:fs';
import { waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Household } from '../../src/lib/engine';
import { formFromHousehold } from '../../src/lib/questionnaire/prefill';
import { localeOf, MESSAGE, parseOrigins, pickRules, readMessage } from '../../src/lib/embed/messages';
import { shadowCss } from '../../src/lib/embed/styles';
import { buildHousehold } from '../../src/lib/questionnaire/form';
import { summaryRows } from '../../src/lib/questionnaire/summary';
import { startI18n, testRules } from './helpers';

const FIXTURES = 'tests/fixtures/households';
const fixture = (name: string): Household => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8'));

beforeAll(() => startI18n('ko'));

describe('prefilling from input model v1', () => {
  for (const name of readdirSync(FIXTURES)) {
    it(`${name}: the form builds back exactly the household it came from`, () => {
      const household = fixture(name);
      const { asOf, ...rest } = household;
      const built = buildHousehold(formFromHousehold(household), asOf!);
      expect(built.errors).toEqual({});
      expect(built.household).toEqual(rest);
    });
  }

  it('marks every prefilled question as shown, so the summary lists it', () => {
    const form = formFromHousehold(fixture('newborn-twins-seoul.json'));
    expect(form.incomeMode).toBe('percent');
    expect(form.cursor).toBe(0);
    expect(form.visited.map((v) => v.step)).toContain('m:birthRegisteredInSeoul');
    expect(form.visited.find((v) => v.step === 'm:birthRegisteredInSeoul')!.members).toEqual(['m4', 'm5']);
    const host = { form, built: { errors: {} }, membersFor: (step: string) => form.visited.find((v) => v.step === step)?.members ?? [] };
    expect(summaryRows(host).map((r) => r.key)).toEqual(expect.arrayContaining(['income', 'm3.attendsDaycare', 'm2.employed']));
  });
});

describe('the embed contract', () => {
  it('reads the origins allowlist: bare origins only, everything else refused, never read as another origin', () => {
    const bare = ['https://umppa.seoul.go.kr', 'http://127.0.0.1:5173', 'https://portal.example/', 'HTTPS://Caps.Example'];
    const refused = [
      '*',
      'http://127.0.0.1:5173/path',
      'http://portal.test:4996@evil.test:4997',
      'https://user:pw@portal.example',
      'https://portal.example?x=1',
      'https://portal.example#top',
      'https://portal.example:443',
      'javascript:alert(1)',
      'file:///etc',
      'null',
      'nonsense',
    ];
    const origins = parseOrigins([...bare, ...refused].join(' , '));
    expect([...origins.allowed]).toEqual([
      'https://umppa.seoul.go.kr',
      'http://127.0.0.1:5173',
      'https://portal.example',
      'https://caps.example',
    ]);
    expect(origins.refused).toEqual(refused);
    expect(origins.allowed.has('http://evil.test:4997')).toBe(false);
    expect(parseOrigins(null)).toEqual({ allowed: new Set(), refused: [] });
  });

  it('accepts our messages from allowed origins only', () => {
    const { allowed } = parseOrigins('https://umppa.seoul.go.kr');
    const household = fixture('pregnant-seoul.json');
    expect(readMessage({ origin: 'https://umppa.seoul.go.kr', data: { type: MESSAGE.prefill, household } }, allowed)).toEqual({
      kind: 'prefill',
      household,
    });
    expect(readMessage({ origin: 'https://umppa.seoul.go.kr', data: { type: MESSAGE.subscribe } }, allowed)).toEqual({ kind: 'subscribe' });
    expect(readMessage({ origin: 'https://evil.example', data: { type: MESSAGE.prefill, household } }, allowed)).toBeNull();
    expect(readMessage({ origin: 'https://umppa.seoul.go.kr', data: { type: 'other', household } }, allowed)).toBeNull();
    expect(readMessage({ origin: 'https://umppa.seoul.go.kr', data: 'seoul-benefits-checker:prefill' }, allowed)).toBeNull();
    expect(readMessage({ origin: 'null', data: { type: MESSAGE.subscribe } }, parseOrigins('null').allowed)).toBeNull();
  });

  it('restricts the benefits to the ids given, and reads the language', () => {
    expect(pickRules('care-allowance, seoul-grant nope', testRules).map((r) => r.id)).toEqual(['seoul-grant', 'care-allowance']);
    expect(pickRules('', testRules)).toBe(testRules);
    expect([localeOf('en-GB'), localeOf('zh-Hans'), localeOf('fr'), localeOf(null)]).toEqual(['en', 'zh', 'ko', 'ko']);
  });

  it('turns the page-level selectors of the base stylesheet into :host', () => {
    expect(shadowCss(':root {\n  --a: 1;\n}\nbody {\n  margin: 0;\n}\n@media print {\n  body {\n    x: 1;\n  }\n}\na.body {}')).toBe(
      ':host {\n  --a: 1;\n}\n:host {\n  margin: 0;\n}\n@media print {\n  :host {\n    x: 1;\n  }\n}\na.body {}',
    );
  });
});

describe('<seoul-benefits-checker>', () => {
  const ORIGIN = location.origin;
  let element: HTMLElement & { household: Household | null };

  afterEach(() => element?.remove());

  async function place(attributes: Record<string, string>) {
    await import('../../src/lib/embed/element');
    element = document.createElement('seoul-benefits-checker') as typeof element;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    const results: { asOf: string; results: { id: string; status: string }[] }[] = [];
    element.addEventListener('results', (e) => results.push((e as CustomEvent).detail));
    document.body.append(element);
    const root = element.shadowRoot!;
    await waitFor(() => expect(root.querySelector('[data-step="household"]')).not.toBeNull());
    return { root, results };
  }

  const birthDates = (root: ShadowRoot) => [...root.querySelectorAll<HTMLInputElement>('input[id$="-birthDate"]')].map((i) => i.value);

  it('shows a household set through the property and emits the results of the benefits chosen', async () => {
    const { root, results } = await place({ lang: 'ko', benefits: 'postpartum-care,first-meeting-voucher' });
    element.household = fixture('pregnant-seoul.json');
    await waitFor(() => expect(birthDates(root)).toEqual(['1993-05-02', '1991-11-20']));
    expect(root.querySelector<HTMLInputElement>('#f-m1-dueDate')!.value).toBe('2025-02-15');
    await waitFor(() => expect(results.at(-1)?.asOf).toBe('2024-10-15'));
    expect(
      results
        .at(-1)!
        .results.map((r) => r.id)
        .sort(),
    ).toEqual(['first-meeting-voucher', 'postpartum-care']);
    expect(document.cookie).toBe('');
    expect(localStorage.length).toBe(0);
  });

  it('refuses an invalid household through the property, naming its problems', async () => {
    await place({});
    expect(() => (element.household = { members: [] } as unknown as Household)).toThrow(/invalid household: members: members\.empty/);
  });

  it('takes a prefill by postMessage from an allowed origin only, and answers it with the results', async () => {
    const { root } = await place({ origins: ORIGIN });
    const replies: { type: string }[] = [];
    const listen = (e: MessageEvent) => replies.push(e.data);
    window.addEventListener('message', listen);
    const household = fixture('pregnant-seoul.json');
    window.dispatchEvent(
      new MessageEvent('message', { origin: 'https://evil.example', source: window, data: { type: MESSAGE.prefill, household } }),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(birthDates(root)).toEqual(['']);

    window.dispatchEvent(new MessageEvent('message', { origin: ORIGIN, source: window, data: { type: MESSAGE.prefill, household } }));
    await waitFor(() => expect(birthDates(root)).toEqual(['1993-05-02', '1991-11-20']));
    await waitFor(() => expect(replies.some((m) => m?.type === MESSAGE.results)).toBe(true));

    window.dispatchEvent(
      new MessageEvent('message', { origin: ORIGIN, source: window, data: { type: MESSAGE.prefill, household: { members: 'x' } } }),
    );
    await waitFor(() => expect(replies.some((m) => m?.type === MESSAGE.invalid)).toBe(true));
    window.removeEventListener('message', listen);
  });

  it('warns about each origins entry it refuses, naming it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await place({ origins: `${ORIGIN} http://portal.test:4996@evil.test:4997 *` });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringContaining('"http://portal.test:4996@evil.test:4997" is ignored'),
      expect.stringContaining('"*" is ignored'),
    ]);
    warn.mockRestore();
  });

  it('stops sending to a window once its origin leaves the allowlist', async () => {
    await place({ origins: ORIGIN });
    const replies: { type: string }[] = [];
    const listen = (e: MessageEvent) => replies.push(e.data);
    window.addEventListener('message', listen);
    window.dispatchEvent(new MessageEvent('message', { origin: ORIGIN, source: window, data: { type: MESSAGE.subscribe } }));
    element.household = fixture('pregnant-seoul.json');
    await waitFor(() => expect(replies.some((m) => m?.type === MESSAGE.results)).toBe(true));

    element.setAttribute('origins', 'https://umppa.seoul.go.kr');
    replies.length = 0;
    element.household = fixture('outside-seoul.json');
    await new Promise((r) => setTimeout(r, 100));
    expect(replies.filter((m) => m?.type === MESSAGE.results)).toEqual([]);
    // Allowed again, it must subscribe again: it is not remembered.
    element.setAttribute('origins', ORIGIN);
    element.household = fixture('pregnant-seoul.json');
    await new Promise((r) => setTimeout(r, 100));
    expect(replies.filter((m) => m?.type === MESSAGE.results)).toEqual([]);
    window.removeEventListener('message', listen);
  });

  it('refuses a household of more than 30 members at once, before showing anything', async () => {
    await place({});
    const members = Array.from({ length: 3_000 }, () => ({ role: 'child', birthDate: '2020-01-01' }));
    expect(() => (element.household = { members } as Household)).toThrow('invalid household: members: members.tooMany');
    expect(() => (element.household = { householdSize: 1, members: members.slice(0, 3) } as Household)).toThrow(
      'invalid household: householdSize: householdSize.tooSmall',
    );
  });
});
