/**
 * Staff mode (#/staff): a 동주민센터 screen with every question at once, live results, a printed
 * handout and batch CSV screening. main.ts loads it lazily, so none of it is in the resident
 * app's first download. It never writes to any storage: its Checker has no store.
 */
import { mount } from 'svelte';
import { addMessages } from 'svelte-i18n';
import type { RuleSet } from '../engine';
import { Checker } from '../questionnaire/checker.svelte';
import { noStore } from '../storage';
import en from './locales/en.json';
import ko from './locales/ko.json';
import vi from './locales/vi.json';
import zh from './locales/zh.json';
import StaffApp from './StaffApp.svelte';

/** Staff-only messages, added to svelte-i18n next to the app's own when staff mode starts. */
export const STAFF_MESSAGES: Record<string, typeof ko> = { ko, en, zh, vi };

export function addStaffMessages(): void {
  for (const [code, messages] of Object.entries(STAFF_MESSAGES)) addMessages(code, messages);
}

export function mountStaff(target: HTMLElement, ruleSet: RuleSet) {
  addStaffMessages();
  const checker = new Checker({ ...ruleSet, store: noStore });
  return mount(StaffApp, { target, props: { checker } });
}
