/**
 * The hand-off and calendar controls on their own: the resident's code drawn as an accessible QR
 * symbol with its text; staff mode's reader taking a pasted code, or naming why not (not ours, a
 * newer version, damaged, a household the engine refuses) and forgetting it on close; a card's
 * calendar button saving a text/calendar file through a blob: URL, nothing else.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Household } from '../../src/lib/engine';
import { CalendarButton } from '../../src/lib/calendar';
import { encodeHousehold } from '../../src/lib/handoff/code';
import ReadCode from '../../src/lib/handoff/ReadCode.svelte';
import ShowCode from '../../src/lib/handoff/ShowCode.svelte';
import { addStaffMessages } from '../../src/lib/staff';
import { startI18n, testRules } from './helpers';

const asOf = '2024-10-15';
const household: Household = { residence: 'seoul', members: [{ role: 'adult', birthDate: '1990-01-01' }] };

beforeAll(() => {
  startI18n('ko');
  addStaffMessages();
});
afterEach(() => vi.restoreAllMocks());

describe('the resident’s code', () => {
  it('shows a QR symbol named for screen readers, and the same code as text', async () => {
    render(ShowCode, { props: { household } });
    await fireEvent.click(screen.getByRole('button', { name: '동주민센터에서 보여주기' }));
    const symbol = await screen.findByRole('img', { name: '답변이 담긴 QR 코드' });
    expect(symbol.querySelector('path')!.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1H\d+z/);
    expect(screen.getByRole('heading', { name: '동주민센터 직원에게 보여 주세요' })).toHaveFocus();
    const text = screen.getByLabelText('답변이 담긴 코드') as HTMLTextAreaElement;
    expect(text.value).toBe(await encodeHousehold(household));
  });
});

describe('staff mode reads a code', () => {
  async function paste(text: string) {
    const onread = vi.fn();
    render(ReadCode, { props: { asOf, onread } });
    await fireEvent.click(screen.getByRole('button', { name: 'QR로 불러오기' }));
    await fireEvent.input(screen.getByRole('textbox', { name: '코드 글자 붙여넣기' }), { target: { value: text } });
    await fireEvent.click(screen.getByRole('button', { name: '코드로 불러오기' }));
    return onread;
  }

  it('fills the form from a pasted code and closes, forgetting it', async () => {
    const onread = await paste(await encodeHousehold(household));
    await waitFor(() => expect(onread).toHaveBeenCalledWith(household));
    expect(screen.getByRole('button', { name: 'QR로 불러오기' })).toHaveAttribute('aria-expanded', 'false');
    expect((screen.getByLabelText('코드 글자 붙여넣기', { selector: 'textarea' }) as HTMLTextAreaElement).value).toBe('');
  });

  it.each([
    ['hello', '이 앱의 코드가 아니에요'],
    ['SBC9.abc', '더 새로운 버전의 앱에서 만든 코드예요 (형식 9)'],
    ['SBC1.AAAA', '코드가 손상되었거나 일부만 읽혔어요'],
  ])('refuses %s with its reason', async (text, reason) => {
    const onread = await paste(text);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(reason));
    expect(onread).not.toHaveBeenCalled();
  });

  it('names each field of a household the engine refuses', async () => {
    const onread = await paste(await encodeHousehold({ members: [{ role: 'child', birthDate: '2030-01-01' }] }));
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('코드의 답변을 쓸 수 없어요'));
    expect(alert).toHaveTextContent('members[0].birthDate');
    expect(onread).not.toHaveBeenCalled();
  });
});

describe('a card’s calendar button', () => {
  it('saves one text/calendar file through a blob: URL', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(`${this.download} ${this.href}`);
    });
    const deadlines = [{ id: testRules[0].id, kind: 'applyBy' as const, date: '2024-12-31' }];
    render(CalendarButton, { props: { deadlines, rules: testRules, filename: 'a.ics', label: '캘린더에 추가', context: '이름' } });
    await fireEvent.click(screen.getByRole('button', { name: '캘린더에 추가 (이름)' }));
    await waitFor(() => expect(clicks).toEqual(['a.ics blob:test']));
    expect(blobs[0].type).toBe('text/calendar;charset=utf-8');
    const text = await blobs[0].text();
    expect(text).toContain('DTSTART;VALUE=DATE:20241231');
    expect(screen.getByRole('status')).toHaveTextContent('일정 1개');
  });
});
