/**
 * The resident app's first screen as HTML, rendered at build time (src/build/prerenderPlugin.ts) for a visitor
 * with no saved answers: the household question, in each language (Korean's in the page, the others
 * in templates that the start script swaps in: ./startScript.ts). The page shows it as soon as the
 * HTML arrives (its styles are inline), before any script; main.ts then hydrates it. The page's frame
 * (src/App.svelte) holds one empty container per root (./Root.svelte); each prerendered root is
 * rendered on its own into its container, so that the browser can hydrate it on its own
 * (./roots.svelte.ts). Rules are not needed to draw it, nor to answer it: nothing is evaluated
 * before the household is answered.
 */
import { render } from 'svelte/server';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import App from '../../App.svelte';
import { setupI18n, type Locale } from '../i18n';
import { Checker } from '../questionnaire';
import { prerenderedRoots } from '../resident';
import { Roots } from './roots.svelte';

/** A first screen in one language: its body HTML, with Svelte's hydration markers, and the page title. */
export interface FirstScreen {
  html: string;
  title: string;
}

/** The first screen in `code`. */
export async function renderFirstScreen(code: Locale): Promise<FirstScreen> {
  await setupI18n(code);
  // As the page starts for a new visitor: the rules still on their way (src/main.ts).
  const checker = new Checker({ ruleSet: new Promise(() => {}) });
  const frame = render(App, { props: { checker } }).body;
  const roots = prerenderedRoots(checker, new Roots(false));
  const html = fillRoots(
    frame,
    roots.map((root) => [root.name, render(root.component, { props: root.props }).body]),
  );
  return { html, title: get(_)('app.title') };
}

/** Puts each root's HTML into its container, which must be in `page` exactly once, empty. */
export function fillRoots(page: string, contents: [name: string, html: string][]): string {
  for (const [name, html] of contents) {
    const empty = `<div data-root="${name}"></div>`;
    const at = page.indexOf(empty);
    if (at < 0 || page.includes(empty, at + 1)) throw new Error(`the page needs exactly one empty container for root "${name}"`);
    page = `${page.slice(0, at)}<div data-root="${name}">${html}</div>${page.slice(at + empty.length)}`;
  }
  return page;
}
