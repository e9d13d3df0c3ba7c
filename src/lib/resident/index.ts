/**
 * The resident app's page as separate roots (src/lib/startup/roots.svelte.ts), one per container
 * of src/App.svelte. For a new visitor the build prerenders the header, the progress, the question
 * step and the footer, which the browser hydrates one per task; the live counts (shown only once
 * something is evaluated), the results and the update prompt load in chunks of their own. The roots
 * share the Checker; "show the results" reaches the results root through `roots`.
 */
import { setLocale, type Locale } from '../i18n';
import { loadUpdatePrompt } from '../pwa';
import { Progress, StepForm, type Checker } from '../questionnaire';
import { eagerRoot, lazyRoot, type EagerRoot, type Roots, type RootSpec } from '../startup/roots.svelte';
import { Footer, SiteHeader } from '../ui';

export function residentRoots(checker: Checker, roots: Roots) {
  const onshowresults = () => (roots.instance('results') as { focus?: () => void } | undefined)?.focus?.();
  const onlocale = async (next: Locale) => {
    checker.setLocale(next);
    await setLocale(next);
  };
  return {
    header: eagerRoot(
      'header',
      SiteHeader,
      {
        onlocale,
        ondelete: () => checker.reset(),
        // Read through a getter, so the header follows the Checker's notice.
        get notice() {
          return checker.notice;
        },
        ondismiss: () => (checker.notice = null),
      },
      PRERENDERED,
    ),
    update: lazyRoot('update', loadUpdatePrompt, {}),
    progress: eagerRoot('progress', Progress, { checker }, PRERENDERED),
    step: eagerRoot('step', StepForm, { checker, onshowresults }, PRERENDERED),
    // The live counts show only once something is evaluated, which waits for the rules anyway.
    live: lazyRoot('live', () => import('./LiveCounts.svelte'), { checker, onshowresults }),
    results: lazyRoot('results', () => import('../results/Results.svelte'), {
      checker,
      ondecide: (step: string) => checker.goTo(step),
      resident: true,
    }),
    footer: eagerRoot('footer', Footer, {}, PRERENDERED),
  } satisfies Record<string, RootSpec>;
}

const PRERENDERED = { prerendered: true };

/** The roots the build renders into the page. */
export const prerenderedRoots = (checker: Checker, roots: Roots): EagerRoot[] =>
  Object.values(residentRoots(checker, roots)).filter((r): r is EagerRoot => 'component' in r && r.prerendered);
