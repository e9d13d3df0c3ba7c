/**
 * The embed's attributes and postMessage contract, as plain functions. A message counts only when
 * it comes from an origin in the element's `origins` allowlist and has one of our types; anything
 * else is ignored without a reply (a reply would tell a stranger the checker is there).
 */
import type { Evaluation, Rule } from '../engine';
import { cliEvaluation, type Lang } from '../results/payload';
import { nearestLocale, type Locale } from '../i18n';

const PREFIX = 'seoul-benefits-checker:';

export const MESSAGE = {
  /** In: `{ type, household }`, a household in input model v1. */
  prefill: `${PREFIX}prefill`,
  /** In: `{ type }`, asks for the results from now on without prefilling. */
  subscribe: `${PREFIX}subscribe`,
  /** Out: `{ type, asOf, results }` after every change of the evaluation. */
  results: `${PREFIX}results`,
  /** Out: `{ type, issues: [{ field, code }] }` when a prefilled household does not validate. */
  invalid: `${PREFIX}invalid`,
} as const;

export interface Origins {
  allowed: Set<string>;
  /** Words that are not a bare origin, ignored (the element warns about each). */
  refused: string[];
}

/**
 * The `origins` attribute (space or comma separated): bare origins only, `scheme://host[:port]`
 * over http(s), with at most a trailing "/". Anything else — `*`, a path, a query, a fragment,
 * user-info (`https://portal.test@evil.test` is evil.test's origin) — is refused, never read as
 * some other origin.
 */
export function parseOrigins(attribute: string | null): Origins {
  const allowed = new Set<string>();
  const refused: string[] = [];
  for (const word of (attribute ?? '').split(/[\s,]+/)) {
    if (!word) continue;
    const origin = bareOrigin(word);
    if (origin) allowed.add(origin);
    else refused.push(word);
  }
  return { allowed, refused };
}

function bareOrigin(word: string): string | null {
  let url: URL;
  try {
    url = new URL(word);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const written = word.toLowerCase().replace(/\/$/, '');
  return written === url.origin ? url.origin : null;
}

export type Incoming = { kind: 'prefill'; household: unknown } | { kind: 'subscribe' };

/** What an incoming message asks for, or null to ignore it. */
export function readMessage(event: Pick<MessageEvent, 'origin' | 'data'>, allowed: ReadonlySet<string>): Incoming | null {
  if (!allowed.has(event.origin)) return null;
  const data = event.data as { type?: unknown; household?: unknown } | null;
  if (typeof data !== 'object' || data === null) return null;
  if (data.type === MESSAGE.prefill && 'household' in data) return { kind: 'prefill', household: data.household };
  if (data.type === MESSAGE.subscribe) return { kind: 'subscribe' };
  return null;
}

/** The rules named by the `benefits` attribute (comma or space separated ids), in catalogue order; none named: all. */
export function pickRules(attribute: string | null, rules: Rule[]): Rule[] {
  const ids = new Set((attribute ?? '').split(/[\s,]+/).filter(Boolean));
  return ids.size === 0 ? rules : rules.filter((r) => ids.has(r.id));
}

/** The checker's language from the element's `lang` (a code of src/lib/languages, with or without a region: zh-Hans, en-GB); Korean otherwise. */
export function localeOf(lang: string | null): Locale {
  return nearestLocale(lang ? [lang] : []);
}

/** The evaluation as the `results` event and message carry it: the CLI's documented JSON shape, in the element's language. */
export function resultsPayload(evaluation: Evaluation, rules: Rule[], lang: Lang) {
  return cliEvaluation(evaluation, rules, lang);
}
