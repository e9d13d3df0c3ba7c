/**
 * Staff mode (#/staff): a 동주민센터 screen with every question at once, live results, a printed
 * handout and batch CSV screening. main.ts loads it lazily, so none of it is in the resident
 * app's first download. It never writes to any storage: its Checker has no store.
 */
import { mount } from 'svelte';
import type { RuleSet } from '../engine';
import { addCatalogue, type Locale } from '../i18n';
import { Checker } from '../questionnaire/checker.svelte';
import { noStore } from '../storage';
import { STAFF_CATALOGUES } from './locales';
import StaffApp from './StaffApp.svelte';

export { HANDOUT_LANGUAGES } from './locales';

export const STAFF_MESSAGES = Object.fromEntries(Object.entries(STAFF_CATALOGUES).map(([code, c]) => [code, c.messages]));

export function addStaffMessages(): void {
  for (const [code, catalogue] of Object.entries(STAFF_CATALOGUES)) addCatalogue(code as Locale, catalogue);
}

export function mountStaff(target: HTMLElement, ruleSet: RuleSet) {
  addStaffMessages();
  const checker = new Checker({ ...ruleSet, store: noStore });
  return mount(StaffApp, { target, props: { checker } });
}
