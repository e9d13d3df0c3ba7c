/**
 * Where answers are kept: a failed write is told where the privacy note is (which then no longer
 * says the answers are kept), and another tab's changes are taken over instead of overwritten.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import App from '../../src/App.svelte';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { Roots } from '../../src/lib/startup/roots.svelte';
import { localAnswerStore, STORAGE_KEY, UNREADABLE } from '../../src/lib/storage';
import { MemoryStorage, startI18n, testRuleSet } from './helpers';

const asOf = '2024-10-15';
const PRIVACY = '답변은 이 기기에만 저장되고 어디에도 보내지 않아요.';
const NOT_SAVED = '답변을 이 기기에 저장하지 못했어요';

beforeAll(() => startI18n('ko'));
afterEach(() => localStorage.clear());

/** A storage that refuses writes while `full` (as a full localStorage throws QuotaExceededError). */
class FullableStorage extends MemoryStorage {
  full = false;
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    super.setItem(key, value);
  }
}

describe('a write that fails', () => {
  it('is reported by the store', () => {
    const storage = new FullableStorage();
    const store = localAnswerStore(storage);
    expect(store.save({ a: 1 })).toBe(true);
    storage.full = true;
    expect(store.save({ a: 2 })).toBe(false);
    expect(localAnswerStore(null).save({ a: 1 })).toBe(false);
  });

  it('replaces the privacy note with what happened, until a write succeeds again', async () => {
    const storage = new FullableStorage();
    storage.full = true;
    const checker = new Checker({ ...testRuleSet, asOf, store: localAnswerStore(storage) });
    const roots = new Roots(false);
    render(App, { props: { checker, roots } });
    await roots.whenStarted();
    const header = screen.getByRole('banner');
    expect(header).toHaveTextContent(PRIVACY);
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: '서울특별시' }));
    expect(checker.notice).toBe('notSaved');
    // Said in the privacy note's own live region, so a screen reader hears it.
    const note = within(header)
      .getAllByRole('status')
      .find((e) => e.textContent?.includes(NOT_SAVED));
    expect(note).toBeDefined();
    expect(header).not.toHaveTextContent(PRIVACY);
    storage.full = false;
    await user.type(screen.getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    expect(checker.notice).toBeNull();
    expect(header).toHaveTextContent(PRIVACY);
    expect(storage.getItem(STORAGE_KEY)).toContain('1990-01-01');
  });
});

describe('another tab', () => {
  const otherTabWrites = (value: string | null) =>
    dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY, newValue: value, storageArea: localStorage }));

  async function open() {
    const store = localAnswerStore(localStorage);
    const checker = new Checker({ ...testRuleSet, asOf, store });
    const unsubscribe = store.subscribe((stored) => checker.adopt(stored));
    const roots = new Roots(false);
    render(App, { props: { checker, roots } });
    await roots.whenStarted();
    return { checker, unsubscribe };
  }

  it('its changes are taken over here and told, not overwritten by this tab', async () => {
    const { checker, unsubscribe } = await open();
    checker.setAnswer('residence', 'other');
    const theirs = {
      form: {
        v: 1,
        raw: { residence: 'seoul' },
        incomeMode: '',
        members: [{ id: 'm1', role: 'adult', raw: { birthDate: '1985-05-05' } }],
        visited: [],
        cursor: 0,
        nextId: 2,
      },
      locale: null,
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(theirs));
    otherTabWrites(JSON.stringify(theirs));
    flushSync();
    expect(checker.form.raw.residence).toBe('seoul');
    expect(screen.getByRole('textbox', { name: '생년월일 (어른 1)' })).toHaveValue('1985-05-05');
    expect(screen.getByRole('alert')).toHaveTextContent('다른 창에서 바꾼 답변을 불러왔어요.');
    // Nothing was written back: the other tab's answers stand in storage.
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)).toEqual(theirs);
    unsubscribe();
  });

  it('its deleting every answer is followed here', async () => {
    const { checker, unsubscribe } = await open();
    checker.setAnswer('residence', 'seoul');
    localStorage.removeItem(STORAGE_KEY);
    otherTabWrites(null);
    flushSync();
    expect(checker.form.raw).toEqual({});
    expect(screen.getByRole('alert')).toHaveTextContent('다른 창에서 답변을 모두 지웠어요.');
    unsubscribe();
  });

  it('what no tab of this app could have written is ignored, and nothing follows after unsubscribing', async () => {
    const { checker, unsubscribe } = await open();
    checker.setAnswer('residence', 'seoul');
    otherTabWrites('{"form": {"v": 1, "members": [{"id": "m1"}, {"id": "m1"}]}}');
    otherTabWrites('not json');
    dispatchEvent(new StorageEvent('storage', { key: 'someone-else', newValue: null, storageArea: localStorage }));
    flushSync();
    expect(checker.form.raw.residence).toBe('seoul');
    expect(checker.notice).toBeNull();
    unsubscribe();
    otherTabWrites(null);
    expect(checker.form.raw.residence).toBe('seoul');
  });

  it('stored text that is not a state reads as unreadable, nothing stored as null', () => {
    const storage = new MemoryStorage();
    const store = localAnswerStore(storage);
    expect(store.load()).toBeNull();
    storage.setItem(STORAGE_KEY, '{');
    expect(store.load()).toBe(UNREADABLE);
    storage.setItem(STORAGE_KEY, 'null');
    expect(store.load()).toBe(UNREADABLE);
  });
});
