/**
 * A resident walking the questionnaire as a persona, driven by roles and labels, counting what it
 * costs: every tap (a choice, a field typed into, a button) and every screen (the household step,
 * each question step, the results it lands on).
 */
import type { Page } from 'playwright-core';
import ko from '../../src/lib/i18n/locales/ko.json';
import { householdFields, memberFields } from '../../src/lib/engine/inputModel';

const questions = ko.questions as Record<string, { label: string; options?: Record<string, string> }>;

export interface PersonaMember {
  role: 'adult' | 'child';
  birthDate: string;
  pregnant?: 'true' | 'false';
  dueDate?: string;
  expectedBabies?: string;
}

/**
 * A persona's answers: one per field, or per member ("아이 2") for member fields. `strict` personas
 * fail on a question they have no answer for (so a test proves which questions are asked); others
 * answer "잘 모르겠어요".
 */
export interface Persona {
  residence: 'seoul' | 'other';
  members: PersonaMember[];
  income?: string;
  answers: Record<string, string | Record<string, string>>;
  strict?: boolean;
}

export interface Walk {
  /** The question steps shown, in order (`income`, `m:sex`…). */
  steps: string[];
  taps: number;
  /** Screens seen: the household step, each question step and the results. */
  screens: number;
}

export const stepOf = (page: Page) => page.locator('[data-step]').getAttribute('data-step');

export async function fillHousehold(page: Page, persona: Persona, walk?: Walk) {
  const tap = () => walk && (walk.taps += 1);
  await page.getByRole('radio', { name: persona.residence === 'seoul' ? '서울특별시' : '다른 시·도' }).check();
  tap();
  const counts = { adult: 0, child: 0 };
  for (const [i, m] of persona.members.entries()) {
    if (i > 0) {
      await page.getByRole('button', { name: m.role === 'adult' ? '어른 추가' : '아이 추가' }).click();
      tap();
    }
    counts[m.role] += 1;
    const who = `${m.role === 'adult' ? '어른' : '아이'} ${counts[m.role]}`;
    await page.getByRole('textbox', { name: `생년월일 (${who})` }).fill(m.birthDate);
    tap();
    if (m.role === 'adult') {
      const group = page.getByRole('group', { name: `지금 임신 중인가요? (${who})` });
      await group.getByRole('radio', { name: m.pregnant === 'true' ? '예' : '아니요' }).check();
      tap();
      if (m.pregnant === 'true' && m.dueDate) {
        await page.getByRole('textbox', { name: `출산 예정일 (${who})` }).fill(m.dueDate);
        tap();
      }
      if (m.pregnant === 'true' && m.expectedBabies) {
        await page.getByRole('textbox', { name: `${questions.expectedBabies.label} (${who})` }).fill(m.expectedBabies);
        tap();
      }
    }
  }
}

function optionText(field: string, value: string): string {
  if (value === 'unknown') return '잘 모르겠어요';
  if (value === 'true') return '예';
  if (value === 'false') return '아니요';
  return questions[field].options![value];
}

/** The visible label text of a text field or the legend of a radio group. */
function labelOf(el: Element): string {
  const legend = el.querySelector('legend');
  if (legend) return legend.textContent?.trim() ?? '';
  return (el as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '';
}

/** Answers one question step: the persona's answer where it has one, else "I don't know" / blank. */
export async function answerStep(page: Page, id: string, persona: Persona, walk?: Walk) {
  const tap = () => walk && (walk.taps += 1);
  const form = page.locator('form');
  if (id === 'income') {
    if (persona.income) {
      await form.getByRole('radio', { name: '한 달 금액으로 입력' }).check();
      await form.getByRole('textbox', { name: '가구의 월 소득인정액' }).fill(persona.income);
      tap();
    } else await form.getByRole('radio', { name: '잘 모르겠어요' }).check();
    tap();
    return;
  }
  const [scope, field] = id.split(':');
  const spec = (scope === 'h' ? householdFields : memberFields)[field as never] as { type: { kind: string } };
  const given = persona.answers[field];
  if (given === undefined && persona.strict) throw new Error(`no answer for the question ${id}`);
  const isText = ['date', 'number', 'integer'].includes(spec.type.kind);
  const inputs = isText ? form.getByRole('textbox') : form.getByRole('group');
  const n = await inputs.count();
  for (let i = 0; i < n; i++) {
    const input = inputs.nth(i);
    // A member question's field is labelled by whom it asks about: "아이 2 (2026년 … 출생) (question)".
    const name = typeof given === 'object' ? ((await input.getAttribute('aria-label')) ?? (await input.evaluate(labelOf))) : '';
    const value = typeof given === 'object' ? Object.entries(given).find(([who]) => name.startsWith(`${who} `))?.[1] : given;
    if (value === undefined && persona.strict) throw new Error(`no answer for the question ${id} of ${name}`);
    if (isText) {
      // A blank answer ("모르면 비워 두세요") is left as it is.
      if (value) {
        await input.fill(value);
        tap();
      }
    } else {
      await input.getByRole('radio', { name: optionText(field, value ?? 'unknown'), exact: true }).check();
      tap();
    }
  }
}

/**
 * The whole walk from a blank household step to the results: the household, every question the app
 * asks, one "다음" per screen. `onStep` runs on each question step once it is answered.
 */
export async function walkPersona(page: Page, persona: Persona, onStep?: (id: string, n: number) => Promise<void>): Promise<Walk> {
  const walk: Walk = { steps: [], taps: 0, screens: 1 };
  await fillHousehold(page, persona, walk);
  for (let n = 0; n < 60; n++) {
    await page.getByRole('button', { name: '다음' }).click();
    walk.taps += 1;
    walk.screens += 1;
    const id = (await stepOf(page))!;
    if (id === 'summary') return walk;
    walk.steps.push(id);
    await answerStep(page, id, persona, walk);
    await onStep?.(id, n);
  }
  throw new Error(`no end to the questions: ${walk.steps.join(', ')}`);
}
