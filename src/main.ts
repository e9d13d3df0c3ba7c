import { mount } from 'svelte';
import App from './App.svelte';
import { DEFAULT_LOCALE, followLocale, isLocale, setupI18n } from './lib/i18n';
import { Checker } from './lib/questionnaire';
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

// Rule data is its own chunk (cached apart from the app code, which changes less often than rules).
const store = localAnswerStore();
const saved = store.load() as { locale?: unknown } | null;
const [{ benefitRules }] = await Promise.all([import('./lib/rules'), setupI18n(isLocale(saved?.locale) ? saved.locale : DEFAULT_LOCALE)]);
const checker = new Checker({ rules: benefitRules, store });
mount(App, { target: document.getElementById('app')!, props: { checker } });
