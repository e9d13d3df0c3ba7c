/**
 * A page made of separate Svelte roots — the header, the progress, the question step… — each in a
 * container of its own (./Root.svelte), started one per task in page order (./nextTask.ts): hydrated
 * where the build prerendered it (./firstScreen.ts), keeping what was typed before
 * (./hydrate.ts), else mounted. One root for the whole page would hydrate in one task several
 * times longer than a cheap phone may block its main thread. The roots share state through their
 * props (a Checker), not through a parent component.
 */
import { mount, unmount, type Component } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { hydrateKeepingInput } from './hydrate';
import { afterPaint, nextTask } from './nextTask';

type Props = Record<string, unknown>;
/** Any component: a root's props are checked where it is made (eagerRoot, lazyRoot). */
type AnyComponent = Component<any>;

/** A root started with the page: hydrated if the build prerendered it, else mounted. */
export interface EagerRoot {
  /** Names the container (data-root), where the build puts the prerendered HTML. */
  name: string;
  component: AnyComponent;
  props: Props;
  prerendered: boolean;
}

/** A root whose code loads on demand: mounted once it has arrived. */
export interface LazyRoot {
  name: string;
  load: () => Promise<AnyComponent>;
  props: Props;
}

export type RootSpec = EagerRoot | LazyRoot;

export function eagerRoot<P extends Props>(name: string, component: Component<P>, props: P, options: { prerendered: boolean }): EagerRoot {
  return { name, component, props, prerendered: options.prerendered };
}

export function lazyRoot<P extends Props>(name: string, load: () => Promise<{ default: Component<P> }>, props: P): LazyRoot {
  return { name, load: () => load().then((m) => m.default), props };
}

const report = (error: unknown) => console.error(error);

export class Roots {
  /** Whether every eager root has been hydrated or mounted. */
  started = $state(false);
  /** Whether an eager root failed to start (reported; the others work), known once started. */
  failed = false;
  /** The page holds the build's prerendered HTML, to be taken over rather than replaced. */
  readonly hydrating: boolean;
  readonly #instances = new Map<string, Record<string, unknown>>();
  #queue: Promise<void> = Promise.resolve();
  #waiting = 0;
  #resolveStarted!: () => void;
  readonly #whenStarted = new Promise<void>((resolve) => (this.#resolveStarted = resolve));

  constructor(hydrating: boolean) {
    this.hydrating = hydrating;
  }

  /** What a started root exports (e.g. a method to focus it), once it has started. */
  instance(name: string): Record<string, unknown> | undefined {
    return this.#instances.get(name);
  }

  /**
   * Starts `root` in the container it is attached to, in a task of its own. A parent's attachments
   * all run in the task that mounts or hydrates it, so every eager root is queued before the first
   * one starts.
   */
  attach(root: RootSpec): Attachment<HTMLElement> {
    return (container) => {
      let gone = false;
      const start = (component: AnyComponent, prerendered: boolean) => {
        if (gone) return;
        const began = performance.now();
        const hydrating = this.hydrating && prerendered;
        const instance = hydrating
          ? hydrateKeepingInput(component, container, root.props)
          : (container.replaceChildren(), mount(component, { target: container, props: root.props }));
        this.#instances.set(root.name, instance);
        // Shows in DevTools' performance panel, and tells tests what was hydrated and what mounted.
        performance.measure(`${hydrating ? 'hydrate' : 'mount'} ${root.name}`, { start: began });
      };
      // A root that fails is reported, and leaves the others working. A lazy root's request waits
      // until the eager roots have started and the page has painted (on a slow link, downloads
      // started before the screen is shown delay it), in a task of its own: asking for a chunk
      // (and the stylesheets it needs) costs the main thread a few milliseconds.
      if ('load' in root) {
        void this.#whenStarted
          .then(afterPaint)
          .then(root.load)
          .then(async (component) => {
            await nextTask();
            start(component, false);
          })
          .catch(report);
      } else {
        this.#waiting += 1;
        this.#queue = this.#queue
          .then(nextTask)
          .then(() => {
            try {
              start(root.component, root.prerendered);
            } catch (error) {
              this.failed = true;
              throw error;
            } finally {
              this.#waiting -= 1;
              if (this.#waiting === 0) {
                this.started = true;
                this.#resolveStarted();
              }
            }
          })
          .catch(report);
      }
      return () => {
        gone = true;
        const instance = this.#instances.get(root.name);
        this.#instances.delete(root.name);
        if (instance) void unmount(instance);
      };
    };
  }

  /** Resolves once every eager root has started. */
  whenStarted(): Promise<void> {
    return this.#whenStarted;
  }
}
