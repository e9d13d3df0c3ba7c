/**
 * The resident app's first screen as HTML, rendered at build time (src/build/prerenderPlugin.ts) for a visitor
 * with no saved answers: the household question in Korean. The page shows it as soon as the HTML
 * arrives (its styles are inline), before any script; main.ts then hydrates it. Rules are not
 * needed to draw it: no benefit is evaluated before the household is answered.
 */
import { render } from 'svelte/server';
import App from '../../App.svelte';
import { setupI18n } from '../i18n';
import { Checker } from '../questionnaire';

/** Body HTML of the first screen, with Svelte's hydration markers. */
export async function renderFirstScreen(): Promise<string> {
  await setupI18n('ko');
  const checker = new Checker({ rules: [], parameters: {} });
  return render(App, { props: { checker } }).body;
}
