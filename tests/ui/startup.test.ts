/**
 * Start-up (src/lib/startup) as far as it needs no real browser: the page's parts start one per
 * task, the build puts each prerendered part in its own container, idle work waits for load.
 * tests/e2e/startup.test.ts checks the rest in Chromium.
 */
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { Checker } from '../../src/lib/questionnaire';
import { fillRoots } from '../../src/lib/startup/firstScreen';
import { whenIdleAfterLoad } from '../../src/lib/startup/idle';
import { eagerRoot, lazyRoot, Roots } from '../../src/lib/startup/roots.svelte';
import { startI18n, testRuleSet } from './helpers';

/** The parts started so far, as `mount <name>` / `hydrate <name>` (src/lib/startup/roots.svelte.ts). */
const startedParts = () =>
  performance
    .getEntriesByType('measure')
    .map((m) => m.name)
    .filter((name) => /^(mount|hydrate) /.test(name));

describe('the resident page', () => {
  it('starts its parts one per task, in page order: header, progress, question step, footer (the live counts load in a chunk of their own)', async () => {
    startI18n('ko');
    performance.clearMeasures();
    const roots = new Roots(false);
    render(App, { props: { checker: new Checker({ ...testRuleSet, asOf: '2024-10-15' }), roots } });
    const eager = /^mount (header|progress|step|footer)$/;
    const perTask: string[][] = [];
    while (!roots.started) {
      const before = startedParts().length;
      await new Promise((task) => setTimeout(task));
      perTask.push(
        startedParts()
          .slice(before)
          .filter((name) => eager.test(name)),
      );
    }
    expect(perTask.flat()).toEqual(['mount header', 'mount progress', 'mount step', 'mount footer']);
    expect(perTask.filter((started) => started.length > 1)).toEqual([]);
  });
});

describe('a lazily loaded part', () => {
  it('asks for its code only once the eager parts have started and painted, in a task of its own', async () => {
    const component = (() => {}) as unknown as Component;
    const load = vi.fn(() => Promise.resolve({ default: component }));
    const roots = new Roots(false);
    const stopLazy = roots.attach(lazyRoot('later', load, {}))(document.createElement('div'));
    const stopEager = roots.attach(eagerRoot('now', component, {}, { prerendered: false }))(document.createElement('div'));
    await roots.whenStarted();
    expect(load).not.toHaveBeenCalled();
    // After a paint and a task: sized for a busy machine, as vi.waitFor's own 1 s is not.
    await vi.waitFor(() => expect(load).toHaveBeenCalledOnce(), { timeout: 30_000 });
    for (const stop of [stopLazy, stopEager]) if (typeof stop === 'function') stop();
  });
});

describe('fillRoots', () => {
  it("puts each part's HTML into its own empty container", () => {
    const page = '<main><div data-root="a"></div><section><div data-root="b"></div></section></main>';
    expect(
      fillRoots(page, [
        ['a', '<!--[-->A<!--]-->'],
        ['b', '<p>B</p>'],
      ]),
    ).toBe('<main><div data-root="a"><!--[-->A<!--]--></div><section><div data-root="b"><p>B</p></div></section></main>');
  });

  it('refuses a part with no container, or with two', () => {
    expect(() => fillRoots('<div data-root="a"></div>', [['b', 'B']])).toThrow(/root "b"/);
    expect(() => fillRoots('<div data-root="a"></div><div data-root="a"></div>', [['a', 'A']])).toThrow(/root "a"/);
  });
});

/** A window whose load event, idle callbacks and timers run only when the test says so. */
function fakeWindow(readyState: DocumentReadyState, withIdleCallback: boolean) {
  const pending: { kind: string; run: () => void }[] = [];
  const win = {
    document: { readyState } as Document,
    addEventListener: (type: string, listener: () => void) => pending.push({ kind: type, run: listener }),
    setTimeout: (run: () => void) => pending.push({ kind: 'timeout', run }),
    requestIdleCallback: withIdleCallback ? (run: () => void) => pending.push({ kind: 'idle', run }) : undefined,
  };
  const fire = async (kind: string) => {
    const i = pending.findIndex((p) => p.kind === kind);
    expect(i, `nothing waits for ${kind}`).toBeGreaterThanOrEqual(0);
    pending.splice(i, 1)[0].run();
    await Promise.resolve();
  };
  return { win: win as unknown as Window, pending, fire };
}

describe('whenIdleAfterLoad', () => {
  it('waits for the load event, then for an idle callback', async () => {
    const { win, pending, fire } = fakeWindow('interactive', true);
    let done = false;
    void whenIdleAfterLoad(win).then(() => (done = true));
    expect(pending.map((p) => p.kind)).toEqual(['load']);
    await fire('load');
    expect(done).toBe(false);
    expect(pending.map((p) => p.kind)).toEqual(['idle']);
    await fire('idle');
    expect(done).toBe(true);
  });

  it('after load, waits only for the idle callback; without one, for a timeout', async () => {
    const loaded = fakeWindow('complete', true);
    void whenIdleAfterLoad(loaded.win);
    expect(loaded.pending.map((p) => p.kind)).toEqual(['idle']);
    const safari = fakeWindow('complete', false);
    let done = false;
    void whenIdleAfterLoad(safari.win).then(() => (done = true));
    expect(safari.pending.map((p) => p.kind)).toEqual(['timeout']);
    await safari.fire('timeout');
    expect(done).toBe(true);
  });
});
