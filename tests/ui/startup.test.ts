/**
 * Start-up helpers (src/lib/startup) that need no browser to check: what waits for what.
 */
import { describe, expect, it } from 'vitest';
import { whenIdleAfterLoad } from '../../src/lib/startup/idle';

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
