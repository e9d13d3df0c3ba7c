import { DEFAULT_LOCALE, followLocale, isLocale, nearestLocale, setupI18n } from './lib/i18n';
import { provideEvaluator } from './lib/questionnaire/evaluator';
import { provideRestore } from './lib/questionnaire/restorer';
import { afterPaint, nextTask } from './lib/startup/nextTask';
import { startApp } from './lib/startup/startApp';
import { documentParsed, reveal } from './lib/startup/startScript';
import { loadRuleTexts } from './lib/rules/texts';
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
// A new visitor's first question, the household, needs no rule: their page starts without the
// rules chunk (most of what the app downloads), and "next" waits for it if need be.
// A returning resident's saved step may be any question: their page waits, hidden until it is shown.
// Whatever fails on the way, the page is revealed: it is hidden until now for a returning resident.
async function start() {
  // Asks for what a new visitor's screen does not need, once that screen has painted.
  let afterShown = () => {};
  try {
    const store = localAnswerStore();
    // The language only: whether the saved answers can be used is for the Checker to say.
    const saved = store.load() as { locale?: unknown } | null;
    // The language chosen on this device, or on a first visit the browser's nearest one (Korean otherwise).
    const lang = isLocale(saved?.locale) ? saved.locale : nearestLocale(navigator.languages ?? [navigator.language]);
    // The rule data and engine, with their texts in the page's language; and the reading of saved answers.
    const loadRules = () =>
      Promise.all([import('./lib/rules'), loadRuleTexts(lang)]).then(([{ benefitRuleSet, evaluate }]) => {
        provideEvaluator(evaluate);
        // Shows in DevTools' performance panel.
        performance.mark('rules');
        return benefitRuleSet;
      });
    const loadRestore = () => import('./lib/questionnaire/restore').then(({ restoreSaved }) => provideRestore(restoreSaved));
    // A returning resident's come with the page's messages, all at once. A new visitor's wait
    // until their screen is up: on a slow link, downloads started before it delay it.
    const shown = new Promise<void>((resolve) => (afterShown = resolve));
    const asked = saved === null ? shown.then(afterPaint) : Promise.resolve();
    const ruleSet = asked.then(loadRules);
    const restoring = asked.then(loadRestore);
    const messages = setupI18n(lang);
    await nextTask();
    await messages;
    const rules = saved === null ? { ruleSet } : await Promise.all([ruleSet, restoring]).then(([set]) => set);
    await documentParsed();
    await nextTask();
    const { checker } = await startApp(document.getElementById('app')!, { ...rules, store });
    // Another tab's answers replace these rather than be overwritten by them (once they can be read).
    store.subscribe((stored) => void restoring.then(() => checker.adopt(stored), console.error));
  } finally {
    reveal();
    afterShown();
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
