import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { initialForm } from '../../src/lib/questionnaire/form';
import { addStaffMessages, HANDOUT_LANGUAGES, STAFF_MESSAGES } from '../../src/lib/staff';
import { answerKeyFor, memberFieldsFor } from '../../src/lib/staff/fields';
import { shortcutFor, SHORTCUTS } from '../../src/lib/staff/shortcuts';
import StaffApp from '../../src/lib/staff/StaffApp.svelte';
import { noStore } from '../../src/lib/storage';
import { LANGUAGES, LOCALES } from '../../src/lib/i18n';
import { QUOTES_KOREAN, scriptProblem } from '../scripts';
import { flatKeys, lookup, startI18n, testRuleSet } from './helpers';

const asOf = '2024-10-15';

beforeAll(() => {
  startI18n('ko');
  addStaffMessages();
});
afterEach(() => vi.restoreAllMocks());

function open() {
  startI18n('ko');
  location.hash = '#/staff';
  const checker = new Checker({ ...testRuleSet, asOf, store: noStore });
  render(StaffApp, { props: { checker } });
  return { checker, user: userEvent.setup() };
}

const key = (code: string, init: KeyboardEventInit = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { code, altKey: true, ...init });

describe('staff messages', () => {
  const reference = flatKeys(STAFF_MESSAGES.ko).sort();
  it("exist for every language of the list and no other; the handout offers each beside Korean, in the list's order", () => {
    expect(Object.keys(STAFF_MESSAGES).sort()).toEqual([...LOCALES].sort());
    expect(HANDOUT_LANGUAGES.map((l) => l.code)).toEqual(LOCALES.filter((c) => c !== 'ko'));
  });
  for (const language of LANGUAGES) {
    const { code } = language;
    it(`${code} has every staff message with ko's placeholders, in its own script`, () => {
      expect(flatKeys(STAFF_MESSAGES[code] ?? {}).sort()).toEqual(reference);
      for (const k of reference) {
        const placeholders = (m: unknown) => [...String(m).matchAll(/\{\s*(\w+)\s*[,}]/g)].map((x) => x[1]).sort();
        const message = lookup(STAFF_MESSAGES[code], k) as string;
        expect(placeholders(message), `${code}: ${k}`).toEqual(placeholders(lookup(STAFF_MESSAGES.ko, k)));
        // Checked without its arguments' syntax ({done, number}), which is no language.
        const text = message.replace(/\{\s*\w+\s*(?:,\s*\w+\s*)?\}/g, '');
        const rest = QUOTES_KOREAN.has(k) ? text.replace(/\p{Script=Hangul}+/gu, '') : text;
        expect(scriptProblem(rest, language), `${code}: ${k}`).toBeNull();
      }
    });
  }
});

describe('staff shortcuts', () => {
  it('take Alt with a physical key, never a plain key, Ctrl/Meta/AltGr or a key in the middle of IME composition', () => {
    const e = (over: Partial<KeyboardEvent>) => ({
      altKey: true,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      isComposing: false,
      code: 'KeyC',
      ...over,
    });
    expect(shortcutFor(e({}))).toBe('addChild');
    expect(shortcutFor(e({ code: 'KeyG', shiftKey: true }))).toBe('previousGroup');
    expect(shortcutFor(e({ altKey: false }))).toBeNull();
    expect(shortcutFor(e({ ctrlKey: true }))).toBeNull();
    expect(shortcutFor(e({ metaKey: true }))).toBeNull();
    expect(shortcutFor(e({ isComposing: true }))).toBeNull();
    expect(new Set(SHORTCUTS.map((s) => s.keys)).size).toBe(SHORTCUTS.length);
  });
});

describe('staff fields', () => {
  it('ask pregnancy of adults and of children old enough, and its details only while pregnant', () => {
    const names = (role: 'adult' | 'child', raw: Record<string, string>) =>
      memberFieldsFor({ id: 'm1', role, raw }, asOf).map((f) => f.name);
    expect(names('adult', {})).toContain('pregnant');
    expect(names('adult', {})).not.toContain('dueDate');
    expect(names('adult', { pregnant: 'true' })).toEqual(expect.arrayContaining(['dueDate', 'expectedBabies']));
    expect(names('child', { birthDate: '2020-01-01' })).not.toContain('pregnant');
    expect(names('child', { birthDate: '2010-01-01' })).toContain('pregnant');
    expect(names('child', { birthDate: '2010-01-01', sex: 'male' })).not.toContain('pregnant');
    // A "yes" that a corrected birth date or sex makes impossible stays asked, to show why it is refused.
    expect(names('child', { birthDate: '2020-01-01', pregnant: 'true' })).toEqual(
      expect.arrayContaining(['pregnant', 'dueDate', 'expectedBabies']),
    );
    expect(names('child', { birthDate: '2010-01-01', sex: 'male', pregnant: 'true' })).toContain('pregnant');
    expect(names('child', {})).toContain('birthRegisteredInSeoul');
    expect(names('adult', {})).not.toContain('birthRegisteredInSeoul');
  });

  it('find the answer behind a deciding question', () => {
    const ranking = [{ step: 'm:birthRegisteredInSeoul', decides: 1, members: ['m3'] }];
    expect(answerKeyFor('income', ranking)).toBe('incomeMode');
    expect(answerKeyFor('h:singleParent', ranking)).toBe('singleParent');
    expect(answerKeyFor('m:birthRegisteredInSeoul', ranking)).toBe('m3.birthRegisteredInSeoul');
    expect(answerKeyFor('m:employed', ranking)).toBeNull();
  });
});

describe('the staff screen', () => {
  it('shows at once every question that can change a result, with the results beside it, updating live; the rest on request', async () => {
    const { user } = open();
    expect(screen.getByRole('heading', { level: 1, name: '동주민센터 상담 화면' })).toBeInTheDocument();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    for (const group of ['가구', '가구 상황', '어른 1']) expect(within(form).getByRole('group', { name: group })).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: '가구원 수' })).toBeInTheDocument();
    // Before a birth date nothing can be decided: only the household step's own questions show.
    expect(within(form).queryByRole('group', { name: '한부모가족인가요?' })).toBeNull();

    await user.click(within(form).getByRole('radio', { name: '서울특별시' }));
    await user.type(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    const results = screen.getByRole('region', { name: '받을 수 있는 혜택' });
    await waitFor(() => expect(within(results).getByRole('article', { name: '혜택 seoul-grant' })).toBeInTheDocument());
    // The resident questionnaire's ranking decides what shows: 한부모 decides single-allowance.
    await user.click(within(within(form).getByRole('group', { name: '한부모가족인가요?' })).getByRole('radio', { name: '예' }));
    expect(within(results).getByRole('article', { name: '혜택 single-allowance' })).toHaveTextContent('매달 210,000원');
    // No test rule reads employment: it shows only when every field is asked for, and stays once chosen.
    expect(within(form).queryByRole('group', { name: '일을 하고 있나요? (어른 1)' })).toBeNull();
    await user.click(within(form).getByRole('checkbox', { name: '지금 결과를 바꾸지 않는 항목도 모두 보기' }));
    const employed = within(form).getByRole('group', { name: '일을 하고 있나요? (어른 1)' });
    await user.click(within(employed).getByRole('radio', { name: '예' }));
    await user.click(within(form).getByRole('checkbox', { name: '지금 결과를 바꾸지 않는 항목도 모두 보기' }));
    expect(within(form).getByRole('group', { name: '일을 하고 있나요? (어른 1)' })).toBeInTheDocument();
    expect(within(form).queryByRole('group', { name: '결혼을 앞두고 있나요? (어른 1)' })).toBeNull();
  });

  it("says the engine's refusals with their figures, never a missing placeholder: a size below the members, a 31st member", async () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const { user, checker } = open();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    await user.type(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    key('KeyC');
    await user.type(await within(form).findByRole('textbox', { name: '생년월일 (아이 1)' }), '2020-01-01');
    const size = within(form).getByRole('textbox', { name: '가구원 수' });
    await user.type(size, '1');
    expect(size).toHaveAccessibleDescription(expect.stringContaining('가구원 수는 입력한 가족 수(2명)보다 적을 수 없어요'));
    await user.clear(size);
    for (let i = checker.form.members.length; i < 30; i += 1) checker.addMember('child');
    key('KeyC');
    await waitFor(() => expect(screen.getAllByText('가족은 30명까지 입력할 수 있어요').length).toBeGreaterThan(0));
    expect(checker.form.members).toHaveLength(30);
    const logged = [...warn.mock.calls, ...error.mock.calls].map((c) => c.map(String).join(' '));
    expect(logged.filter((l) => /\{|min|max|count/.test(l))).toEqual([]);
  });

  it('documents its shortcuts on screen and on the buttons', () => {
    open();
    const list = screen.getByRole('region', { name: '단축키' });
    for (const s of SHORTCUTS) expect(list).toHaveTextContent(s.keys);
    expect(screen.getByRole('button', { name: /다음 신청인/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+N');
    expect(screen.getByRole('button', { name: /아이 추가/ })).toHaveAttribute('aria-keyshortcuts', 'Alt+C');
  });

  it('Alt+G walks the field groups, Alt+C adds a child at its birth date, typing is untouched', async () => {
    const { user, checker } = open();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    const birth = within(form).getByRole('textbox', { name: '생년월일 (어른 1)' });
    await user.type(birth, 'gc');
    expect(birth).toHaveValue('gc');
    const group = () => document.activeElement?.closest('[data-staff-group]');
    key('KeyG');
    expect(group()).toHaveTextContent('받을 수 있는 혜택');
    key('KeyG');
    expect(within(form).getByRole('radio', { name: '서울특별시' })).toHaveFocus();
    key('KeyG');
    expect(group()).toHaveAccessibleName('가구 상황');
    key('KeyG', { shiftKey: true });
    expect(group()).toHaveAccessibleName('가구');
    key('KeyC');
    await waitFor(() => expect(within(form).getByRole('textbox', { name: '생년월일 (아이 1)' })).toHaveFocus());
    expect(checker.form.members.map((m) => m.role)).toEqual(['adult', 'child']);
    expect(screen.getByText('아이 1 추가했어요')).toBeInTheDocument();
  });

  it('"next applicant" (Alt+N) wipes every answer and starts at the first question', async () => {
    const { user, checker } = open();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    await user.click(within(form).getByRole('radio', { name: '서울특별시' }));
    await user.type(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    key('KeyC');
    key('KeyN');
    await waitFor(() => expect(within(form).getByRole('radio', { name: '서울특별시' })).toHaveFocus());
    expect(checker.form).toEqual(initialForm());
    expect(within(form).getByRole('radio', { name: '서울특별시' })).not.toBeChecked();
    expect(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' })).toHaveValue('');
    expect(screen.getByText('모든 답변을 지웠어요. 다음 신청인을 상담할 수 있어요.')).toBeInTheDocument();
  });

  it('Alt+P prints; the handout lists benefits, amounts, deadlines, documents and where to apply', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = open();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    await user.click(within(form).getByRole('radio', { name: '서울특별시' }));
    await user.type(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    key('KeyP');
    expect(print).toHaveBeenCalledOnce();
    const handout = document.querySelector('.printout')!;
    expect(handout).toHaveTextContent('서울 가족 혜택 안내');
    expect(handout).toHaveTextContent('받을 수 있는 혜택');
    expect(handout).toHaveTextContent('혜택 seoul-grant');
    expect(handout).toHaveTextContent('금액 한 번 700,000원');
    expect(handout).toHaveTextContent('신청 기한 2024년 12월 31일');
    expect(handout).toHaveTextContent('준비 서류 신분증');
    expect(handout).toHaveTextContent('온라인: 몽땅정보 만능키 (https://umppa.seoul.go.kr)');
    expect(handout).toHaveTextContent('방문: 동주민센터 방문');
    expect(handout).toHaveTextContent('더 확인해야 하는 혜택');
    // The same totals as the results screen, counted once.
    expect(handout).toHaveTextContent(/지금 받을 수 있는 지원 합계 한 번에 받는 지원 700,000원\s*매달 받는 지원 0원/);
  });

  it('adds a second language to the handout, column by column', async () => {
    const { user } = open();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    await user.click(within(form).getByRole('radio', { name: '서울특별시' }));
    await user.type(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    await user.selectOptions(screen.getByRole('combobox', { name: '안내문에 함께 쓸 언어' }), 'English');
    const handout = document.querySelector('.printout')!;
    await waitFor(() => expect(handout).toHaveTextContent('Seoul family benefits'));
    const [korean, english] = handout.querySelectorAll('.item > div');
    expect(korean).toHaveAttribute('lang', 'ko');
    expect(korean).toHaveTextContent('혜택 seoul-grant');
    expect(english).toHaveAttribute('lang', 'en');
    expect(english).toHaveTextContent('Benefit seoul-grant');
    expect(english).toHaveTextContent('Amount KRW 700,000 once');
    expect(handout).toHaveTextContent('Documents to bring');
    expect(handout).toHaveTextContent('혜택 seoul-grant');
  });

  it('offers every language of the list for the handout, each with its own staff messages', async () => {
    const { user } = open();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    await user.click(within(form).getByRole('radio', { name: '서울특별시' }));
    await user.type(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    const select = screen.getByRole('combobox', { name: '안내문에 함께 쓸 언어' });
    const offered = within(select)
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'));
    expect(offered).toEqual(['', ...LOCALES.filter((c) => c !== 'ko')]);
    await user.selectOptions(select, 'Монгол хэл');
    const handout = document.querySelector('.printout')!;
    await waitFor(() => expect(handout).toHaveTextContent(lookup(STAFF_MESSAGES.mn, 'staff.print.title') as string));
    const mongolian = handout.querySelectorAll('.item > div')[1];
    expect(mongolian).toHaveAttribute('lang', 'mn');
    expect(mongolian).toHaveTextContent(lookup(STAFF_MESSAGES.mn, 'staff.print.amount') as string);
  });

  it('never writes to localStorage, sessionStorage or cookies', async () => {
    const writes = [
      vi.spyOn(Storage.prototype, 'setItem'),
      vi.spyOn(Storage.prototype, 'removeItem'),
      vi.spyOn(Storage.prototype, 'clear'),
    ];
    const { user } = open();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    await user.click(within(form).getByRole('radio', { name: '서울특별시' }));
    await user.type(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    key('KeyC');
    key('KeyN');
    for (const spy of writes) expect(spy).not.toHaveBeenCalled();
    expect(document.cookie).toBe('');
  });

  it('switches to batch screening and back, keeping the answers', async () => {
    const { user } = open();
    const form = screen.getByRole('region', { name: '신청인 정보' });
    await user.type(within(form).getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
    location.hash = '#/staff/batch';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await screen.findByRole('heading', { level: 2, name: 'CSV로 여러 가구 한 번에 확인' });
    expect(screen.getByLabelText('CSV 파일 선택', { selector: 'input' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CSV 일괄 확인' })).toHaveAttribute('aria-current', 'page');
    location.hash = '#/staff';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(screen.getByRole('textbox', { name: '생년월일 (어른 1)' })).toHaveValue('1990-01-01'));
  });
});
