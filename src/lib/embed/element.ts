/**
 * <seoul-benefits-checker>: the resident checker inside another site's page, from one script tag
 * (`embed.js`, built next to the app). It renders in a shadow root, so neither page's styles leak
 * into the other, keeps no answer in any storage, and talks to the page through:
 * - attributes `lang` (any language of src/lib/languages), `benefits` (rule ids to show; none: all) and `origins`
 *   (the postMessage allowlist, space separated);
 * - the `household` property (input model v1) to prefill, and the `results` event;
 * - postMessage from allowed origins only: see ./messages.ts for the contract.
 */
import { mount, unmount } from 'svelte';
import { _ } from 'svelte-i18n';
import { get } from 'svelte/store';
import { validateHousehold, type Evaluation, type Household, type Rule, type RuleSet } from '../engine';
import { setLocale, setupI18n, type Locale } from '../i18n';
import { loadRuleTexts } from '../rules/texts';
import { Checker } from '../questionnaire/checker.svelte';
import { provideEvaluator } from '../questionnaire/evaluator';
import type { FormState } from '../questionnaire/form';
import EmbedApp from './EmbedApp.svelte';
import { localeOf, MESSAGE, parseOrigins, pickRules, readMessage, resultsPayload } from './messages';
import { formFromHousehold } from '../questionnaire/prefill';
import { HOST_CSS } from './styles';

const TAG = 'seoul-benefits-checker';

/** The components' styles, built next to embed.js (src/build/embedPlugin.ts). Not a literal in new URL(): Vite would try to bundle it. */
const STYLESHEET = 'embed.css';

let loading: Promise<RuleSet> | null = null;

/** The rules and engine (the app's own lazily loaded chunk), the messages and the rule texts, once per page. */
function loadRules(locale: Locale): Promise<RuleSet> {
  loading ??= Promise.all([import('../rules'), setupI18n(locale), loadRuleTexts(locale)]).then(([{ benefitRuleSet, evaluate }]) => {
    provideEvaluator(evaluate);
    return benefitRuleSet;
  });
  return loading;
}

/** A household that validates, or the list of its problems as `field: code`. */
function check(value: unknown): { household: Household } | { issues: { field: string; code: string }[] } {
  const issues = validateHousehold(value);
  return issues.length === 0 ? { household: value as Household } : { issues: issues.map(({ field, code }) => ({ field, code })) };
}

export class SeoulBenefitsChecker extends HTMLElement {
  static observedAttributes = ['lang', 'benefits', 'origins'];

  readonly #target = document.createElement('div');
  #ruleSet: RuleSet | null = null;
  #household: Household | null = null;
  #checker: Checker | null = null;
  #app: ReturnType<typeof mount> | null = null;
  #allowed = new Set<string>();
  /** Windows that sent an accepted message, and their origin: they get the results. */
  readonly #subscribers = new Map<MessageEventSource, string>();
  #last: ReturnType<typeof resultsPayload> | null = null;
  /** Settles once the components' stylesheet has loaded (or failed), so nothing shows unstyled. */
  readonly #styled: Promise<void>;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const base = new CSSStyleSheet();
    base.replaceSync(HOST_CSS);
    root.adoptedStyleSheets = [base];
    root.append(this.#target);
    this.#styled = this.#linkStyles(root);
  }

  /** The prefilled household (input model v1); setting an invalid one throws a TypeError naming its problems. */
  get household(): Household | null {
    return this.#household;
  }

  set household(value: Household | null) {
    if (value === null) this.#household = null;
    else {
      const checked = check(value);
      if ('issues' in checked) throw new TypeError(`invalid household: ${checked.issues.map((i) => `${i.field}: ${i.code}`).join(', ')}`);
      this.#household = checked.household;
    }
    this.#render(value === null ? null : formFromHousehold(this.#household!));
  }

  get locale(): Locale {
    return localeOf(this.getAttribute('lang'));
  }

  connectedCallback() {
    // A property set before this script ran sits on the instance and hides the accessor: re-set it.
    if (Object.hasOwn(this, 'household')) {
      const value = (this as { household?: Household | null }).household ?? null;
      delete (this as { household?: unknown }).household;
      this.household = value;
    }
    addEventListener('message', this.#onMessage);
    Promise.all([loadRules(this.locale), this.#styled]).then(async ([ruleSet]) => {
      // The messages loaded in the language of the first element on the page; this one may differ or have changed since.
      await setLocale(this.locale);
      this.#ruleSet = ruleSet;
      if (this.isConnected) this.#render(this.#checker?.form ?? (this.#household ? formFromHousehold(this.#household) : null));
    });
  }

  disconnectedCallback() {
    removeEventListener('message', this.#onMessage);
    if (this.#app) unmount(this.#app);
    this.#app = null;
  }

  attributeChangedCallback(name: string) {
    if (name === 'origins') this.#readOrigins();
    else if (!this.#ruleSet) return;
    else if (name === 'lang') void setLocale(this.locale);
    else if (name === 'benefits') this.#render(this.#checker?.form ?? null);
  }

  /** A window whose origin leaves the allowlist hears nothing more, even if it subscribed before. */
  #readOrigins() {
    const { allowed, refused } = parseOrigins(this.getAttribute('origins'));
    for (const word of refused) console.warn(`<${TAG}> origins: "${word}" is ignored: not a bare origin such as https://portal.example`);
    this.#allowed = allowed;
    for (const [source, origin] of this.#subscribers) if (!allowed.has(origin)) this.#subscribers.delete(source);
  }

  /** In the build, the components' styles are a file next to embed.js; the dev server injects them into the page head instead. */
  #linkStyles(root: ShadowRoot): Promise<void> {
    if (import.meta.env.DEV) {
      mirrorDevStyles(root);
      return Promise.resolve();
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(STYLESHEET, import.meta.url).href;
    root.prepend(link);
    return new Promise((resolve) => {
      link.onload = link.onerror = () => resolve();
    });
  }

  /** (Re)starts the checker with the chosen benefits, on `form` (prefilled or kept) or afresh. */
  #render(form: FormState | null) {
    if (!this.#ruleSet || !this.isConnected) return;
    if (this.#app) unmount(this.#app);
    const checker = new Checker({
      rules: pickRules(this.getAttribute('benefits'), this.#ruleSet.rules),
      parameters: this.#ruleSet.parameters,
      asOf: this.#household?.asOf,
    });
    if (form) checker.form = form;
    this.#checker = checker;
    this.#app = mount(EmbedApp, {
      target: this.#target,
      props: { checker, onresults: (e: Evaluation) => this.#results(e, checker.rules) },
    });
  }

  #results(evaluation: Evaluation, rules: Rule[]) {
    const code = this.locale;
    const format = get(_);
    const payload = resultsPayload(evaluation, rules, { code, t: (id, options) => format(id, { ...options, locale: code }) });
    this.#last = payload;
    this.dispatchEvent(new CustomEvent('results', { detail: payload, bubbles: true }));
    for (const [source, origin] of this.#subscribers) this.#post(source, origin, { type: MESSAGE.results, ...payload });
  }

  /** Sends only to an origin still allowed now: the allowlist may have changed since the window subscribed. */
  #post(source: MessageEventSource, origin: string, message: unknown) {
    if (!this.#allowed.has(origin)) {
      this.#subscribers.delete(source);
      return;
    }
    (source as Window).postMessage(message, origin);
  }

  #onMessage = (event: MessageEvent) => {
    const incoming = readMessage(event, this.#allowed);
    if (!incoming || !event.source) return;
    this.#subscribers.set(event.source, event.origin);
    if (incoming.kind === 'subscribe') {
      if (this.#last) this.#post(event.source, event.origin, { type: MESSAGE.results, ...this.#last });
      return;
    }
    const checked = check(incoming.household);
    if ('issues' in checked) this.#post(event.source, event.origin, { type: MESSAGE.invalid, issues: checked.issues });
    else this.household = checked.household;
  };
}

/**
 * Dev server only: Vite puts each component's styles in a <style> in the page head, out of the
 * shadow root's reach; mirror them into an adopted sheet as they come and change (a constructed
 * sheet, so it applies under the demo page's strict CSP too).
 */
function mirrorDevStyles(root: ShadowRoot) {
  const mirror = new CSSStyleSheet();
  root.adoptedStyleSheets = [mirror, ...root.adoptedStyleSheets];
  const sync = () =>
    mirror.replaceSync([...document.head.querySelectorAll('style[data-vite-dev-id]')].map((s) => s.textContent).join('\n'));
  sync();
  new MutationObserver(sync).observe(document.head, { childList: true, subtree: true, characterData: true });
}

if (!customElements.get(TAG)) customElements.define(TAG, SeoulBenefitsChecker);
