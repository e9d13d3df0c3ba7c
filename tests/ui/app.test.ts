import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import App from '../../src/App.svelte';
import { followLocale } from '../../src/lib/i18n';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { Roots } from '../../src/lib/startup/roots.svelte';
import { localAnswerStore } from '../../src/lib/storage';
import { MemoryStorage, startI18n, testRuleSet } from './helpers';

const asOf = '2024-10-15';

beforeAll(() => startI18n('ko'));

async function open(storage = new MemoryStorage()) {
  startI18n('ko');
  const checker = new Checker({ ...testRuleSet, asOf, store: localAnswerStore(storage) });
  const roots = new Roots(false);
  const view = render(App, { props: { checker, roots } });
  // The page's parts start one per task (src/lib/startup/roots.svelte.ts).
  await roots.whenStarted();
  return { checker, storage, view, user: userEvent.setup() };
}

async function fillHousehold(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: '서울특별시' }));
  await user.type(screen.getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');
  await user.click(within(screen.getByRole('group', { name: '지금 임신 중인가요? (어른 1)' })).getByRole('radio', { name: '아니요' }));
}

describe('the resident app', () => {
  it('has a skip link, the title, and starts on the household step', async () => {
    await open();
    expect(screen.getByRole('link', { name: '본문 바로가기' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('heading', { level: 1, name: '서울 가족 혜택 찾기' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '우리 가족' })).toBeInTheDocument();
    // The results view is its own chunk (App.svelte), so it arrives a moment after the questionnaire.
    expect(await screen.findByText('가족의 생년월일을 입력하면 여기에 결과가 바로 나와요.')).toBeInTheDocument();
  });

  it('results appear live as the household is typed, grouped, with totals', async () => {
    const { user } = await open();
    await fillHousehold(user);
    const results = screen.getByRole('region', { name: '받을 수 있는 혜택' });
    expect(within(results).getByRole('heading', { name: /받을 수 있어요/ })).toBeInTheDocument();
    expect(within(results).getByRole('heading', { name: /확인이 필요해요/ })).toBeInTheDocument();
    expect(within(results).getByRole('region', { name: '지금 받을 수 있는 지원' })).toHaveTextContent('한 번에 받는 지원 700,000원');
  });

  it('a missing birth date stops "next" with a message tied to the field', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(screen.getByRole('alert')).toHaveTextContent('어른 1 · 생년월일: 입력해 주세요');
    const input = screen.getByRole('textbox', { name: '생년월일 (어른 1)' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('heading', { level: 2, name: '우리 가족' })).toBeInTheDocument();
  });

  it('"next" moves focus to the new step\'s heading; "back" returns', async () => {
    const { user } = await open();
    await fillHousehold(user);
    await user.click(screen.getByRole('button', { name: '다음' }));
    const heading = screen.getByRole('heading', { level: 2, name: '가구 소득' });
    await waitFor(() => expect(heading).toHaveFocus());
    await user.click(screen.getByRole('button', { name: '이전' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: '우리 가족' })).toHaveFocus());
    expect(screen.getByRole('textbox', { name: '생년월일 (어른 1)' })).toHaveValue('1990-01-01');
  });

  it('an undecided benefit links to the question that decides it', async () => {
    const { user } = await open();
    await fillHousehold(user);
    const card = screen.getByRole('article', { name: '혜택 single-allowance' });
    await user.click(within(card).getByRole('button', { name: '한부모가족인가요?' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: '한부모가족인가요?' })).toHaveFocus());
    await user.click(screen.getByRole('radio', { name: '예' }));
    expect(screen.getByRole('article', { name: '혜택 single-allowance' })).toHaveTextContent('매달 210,000원');
  });

  it('the answers summary can be edited in place', async () => {
    const { user, checker } = await open();
    await fillHousehold(user);
    checker.goTo('summary');
    await screen.findByRole('heading', { level: 2, name: '내 답변' });
    await user.click(screen.getByRole('button', { name: '수정 (주민등록 주소지는 어디인가요?)' }));
    await user.click(screen.getByRole('radio', { name: '다른 시·도' }));
    await user.click(screen.getByRole('button', { name: '수정 완료 (주민등록 주소지는 어디인가요?)' }));
    expect(screen.getByText('다른 시·도')).toBeInTheDocument();
    expect(checker.built.household?.residence).toBe('other');
    await user.click(screen.getByRole('button', { name: '결과 보기' }));
    expect(screen.getByRole('heading', { level: 2, name: '받을 수 있는 혜택' })).toHaveFocus();
  });

  it('a bar tells how many benefits and their total, and leads to the results', async () => {
    const { user } = await open();
    await fillHousehold(user);
    const bar = screen.getByRole('button', { name: /^\d+개 혜택 · 합계 / });
    const eligible = within(screen.getByRole('region', { name: /^받을 수 있어요/ })).getAllByRole('article');
    expect(bar).toHaveAccessibleName(`${eligible.length}개 혜택 · 합계 한 번 700,000원 결과 보기`);
    await user.click(bar);
    expect(screen.getByRole('heading', { level: 2, name: '받을 수 있는 혜택' })).toHaveFocus();
  });

  it('the last "next" lands on the results, the answers summary above them', async () => {
    const { user, checker } = await open();
    await fillHousehold(user);
    for (let n = 0; checker.step !== 'summary'; n++) {
      expect(n).toBeLessThan(30);
      for (const unknown of screen.queryAllByRole('radio', { name: '잘 모르겠어요' })) await user.click(unknown);
      await user.click(screen.getByRole('button', { name: '다음' }));
      if (checker.step !== 'summary') await waitFor(() => expect(document.activeElement?.id).toBe('step-heading'));
    }
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: '받을 수 있는 혜택' })).toHaveFocus());
    expect(screen.getByRole('heading', { level: 2, name: '내 답변' })).toBeInTheDocument();
  });

  it('switching language keeps every answer, and <html lang> follows', async () => {
    const stop = followLocale();
    const { user } = await open();
    await fillHousehold(user);
    await user.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('heading', { level: 2, name: 'Your household' });
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Seoul family benefits checker');
    expect(screen.getByRole('textbox', { name: 'Date of birth (Adult 1)' })).toHaveValue('1990-01-01');
    expect(screen.getByRole('radio', { name: 'Seoul' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: '한국어' }));
    expect(document.documentElement.lang).toBe('ko');
    stop();
  });

  it('"delete my answers" asks once, then leaves nothing in storage', async () => {
    const { user, storage } = await open();
    await fillHousehold(user);
    expect(storage.length).toBe(1);
    await user.click(screen.getByRole('button', { name: '내 답변 삭제' }));
    await user.click(screen.getByRole('button', { name: '모두 지우기' }));
    expect(storage.length).toBe(0);
    expect(screen.getByText('답변을 모두 지웠어요. 이 기기에 남은 정보가 없어요.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '생년월일 (어른 1)' })).toHaveValue('');
  });

  it('a reload resumes where the resident was', async () => {
    const first = await open();
    await fillHousehold(first.user);
    await first.user.click(screen.getByRole('button', { name: '다음' }));
    first.view.unmount();
    await open(first.storage);
    expect(screen.getByRole('heading', { level: 2, name: '가구 소득' })).toBeInTheDocument();
    expect(await screen.findByRole('article', { name: '혜택 seoul-grant' })).toBeInTheDocument();
  });
});
