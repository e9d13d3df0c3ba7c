/**
 * Staff mode (#/staff): a 동주민센터 screen with every question at once, live results, a printed
 * handout and batch CSV screening. main.ts loads it lazily, so none of it is in the resident
 * app's first download. It never writes to any storage: its Checker has no store.
 */
import { mount } from 'svelte';
import type { RuleSet } from '../engine';
import { addCatalogue, isLocale, type Catalogue } from '../i18n';
import { Checker } from '../questionnaire/checker.svelte';
import { noStore } from '../storage';
import StaffApp from './StaffApp.svelte';

/** Staff-only messages by locale (./locales/<code>.json), added to svelte-i18n next to the app's own when staff mode starts. */
const CATALOGUES = Object.fromEntries(
  Object.entries(import.meta.glob<Catalogue>('./locales/*.json', { query: '?catalogue', import: 'default', eager: true })).map(
    ([file, catalogue]) => [file.slice('./locales/'.length, -'.json'.length), catalogue],
  ),
);

export const STAFF_MESSAGES = Object.fromEntries(Object.entries(CATALOGUES).map(([code, c]) => [code, c.messages]));

export function addStaffMessages(): void {
  for (const [code, catalogue] of Object.entries(CATALOGUES)) if (isLocale(code)) addCatalogue(code, catalogue);
}

export function mountStaff(target: HTMLElement, ruleSet: RuleSet) {
  addStaffMessages();
  const checker = new Checker({ ...ruleSet, store: noStore });
  return mount(StaffApp, { target, props: { checker } });
}
