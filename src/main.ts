import { DEFAULT_LOCALE, followLocale, isLocale, nearestLocale, setupI18n } from './lib/i18n';
import { provideEvaluator } from './lib/questionnaire/evaluator';
import { provideRestore } from './lib/questionnaire/restorer';
import { nextTask } from './lib/startup/nextTask';
import { startApp } from './lib/startup/startApp';
import { documentParsed, reveal } from './lib/startup/startScript';
import { localAnswerStore } from './lib/storage';
import './lib/ui/global.css';

followLocale();

// Printing shows each benefit's "how to apply" even where the resident left it folded.
const opened: HTMLDetailsElement[] = [];
addEventListener('beforeprint', () => {
  for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-print-open]:not([open])')) {
    d.open = true;
    opened.push(d);
  }
});
addEventListener('afterprint', () => {
  for (const d of opened.splice(0)) d.open = false;
});

// Rule data and the engine are their own chunk, off the first download (cached apart from the app
// code, which changes less often than rules). No top-level await: it would stop the bundler from
// keeping the modules both chunks share in the entry, costing a second initial request.
// The build prerenders the first screen into the page (src/lib/startup): a new visitor's is
// hydrated, anyone else's replaced. Each step is a task of its own (nextTask), and so is each part
// of the page (src/lib/startup/roots.svelte.ts): no task keeps a phone's main thread for long.
// Whatever fails on the way, the page is revealed: it is hidden until now for a returning resident.
async function start() {
  try {
    const store = localAnswerStore();
    // The language only: whether the saved answers can be used is for the Checker to say.
    const saved = store.load() as { locale?: unknown } | null;
    // All start downloading at once: the rule data and engine, the reading of saved answers, and the page's language.
    const loading = Promise.all([import('./lib/rules'), import('./lib/questionnaire/restore')]);
    // The language chosen on this device, or on a first visit the browser's nearest one (Korean otherwise).
    const messages = setupI18n(isLocale(saved?.locale) ? saved.locale : nearestLocale(navigator.languages ?? [navigator.language]));
    await nextTask();
    await messages;
    const [{ benefitRuleSet, evaluate }, { restoreSaved }] = await loading;
    provideEvaluator(evaluate);
    provideRestore(restoreSaved);
    await documentParsed();
    await nextTask();
    const { checker } = await startApp(document.getElementById('app')!, { ...benefitRuleSet, store });
    // Another tab's answers replace these rather than be overwritten by them.
    store.subscribe((stored) => checker.adopt(stored));
  } finally {
    reveal();
  }
}

// Staff mode (#/staff) is a chunk of its own, loaded only there, and touches no storage (not even
// to read the resident's saved answers). Moving between it and the resident app reloads the page,
// so neither keeps the other's answers in memory; hashes that are not routes (#main) are ignored.
const staff = (hash: string) => hash.startsWith('#/staff');
const inStaff = staff(location.hash);

async function startStaff() {
  try {
    const [{ benefitRuleSet, evaluate }, { mountStaff }] = await Promise.all([
      import('./lib/rules'),
      import('./lib/staff'),
      setupI18n(DEFAULT_LOCALE),
    ]);
    provideEvaluator(evaluate);
    await documentParsed();
    const target = document.getElementById('app')!;
    target.replaceChildren();
    mountStaff(target, benefitRuleSet);
  } finally {
    reveal();
  }
}

addEventListener('hashchange', () => {
  const hash = location.hash;
  if ((hash === '' || hash.startsWith('#/')) && staff(hash) !== inStaff) location.reload();
});
void (inStaff ? startStaff() : start());
