/**
 * Starting the resident app, whatever this device has saved. Restoring already refuses any state
 * the app could not have saved (questionnaire/restore.ts); should a saved state still break the
 * first render — the frame, or any part of the page (./roots.svelte.ts) — it is deleted and the app
 * starts afresh, telling the resident: never a blank page, nor a blank part.
 */
import { hydrate, mount, unmount, type Component } from 'svelte';
import { get } from 'svelte/store';
import { locale } from 'svelte-i18n';
import App from '../../App.svelte';
import { Checker, type CheckerOptions } from '../questionnaire';
import type { AnswerStore } from '../storage';
import { Roots } from './roots.svelte';
import { canHydrate } from './startScript';

type AppComponent = Component<{ checker: Checker; roots?: Roots }>;

export interface Started {
  checker: Checker;
  /** The mounted app, for unmount(). */
  instance: Record<string, unknown>;
}

/** The app on `target`, once every part of the page has started: hydrated if prerendered, else mounted. */
async function show(app: AppComponent, target: HTMLElement, checker: Checker, hydrating: boolean) {
  const roots = new Roots(hydrating);
  let instance: Record<string, unknown>;
  if (hydrating) instance = hydrate(app, { target, props: { checker, roots } });
  else {
    target.replaceChildren();
    instance = mount(app, { target, props: { checker, roots } });
  }
  await roots.whenStarted();
  return { instance, failed: roots.failed };
}

export async function startApp(
  target: HTMLElement,
  options: CheckerOptions & { store: AnswerStore },
  app: AppComponent = App,
): Promise<Started> {
  const saved = options.store.load() !== null;
  try {
    const checker = new Checker(options);
    const { instance, failed } = await show(app, target, checker, canHydrate(target, get(locale)));
    // Nothing saved to blame: the part that failed has reported itself, and the others work.
    if (!failed || !saved) return { checker, instance };
    await unmount(instance);
  } catch (error) {
    if (!saved) throw error;
  }
  options.store.clear();
  const checker = new Checker(options);
  checker.notice = 'restoreFailed';
  const { instance } = await show(app, target, checker, false);
  return { checker, instance };
}
