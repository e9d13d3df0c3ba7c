/** Words for answers, members, steps and problems, through the active translator. */
import { formatDate, formatNumber } from '../i18n/format';
import type { Translate } from '../i18n/translator';
import { fieldOfStep, householdField, INCOME_STEP, memberField, type FieldInfo } from './fields';
import { MEMBERS_KEY, type FormState } from './form';
import { normalizeDate, parseAnswer, UNKNOWN_ANSWER, type FieldError } from './parse';

export type { Translate } from '../i18n/translator';

/** "어른 1", "아이 2": numbered within the role, in the order added. */
export function memberName(form: FormState, id: string, t: Translate): string {
  const member = form.members.find((m) => m.id === id);
  if (!member) return '';
  const n = form.members.filter((m) => m.role === member.role).findIndex((m) => m.id === id) + 1;
  return t(`household.${member.role}`, { values: { n } });
}

/** "아이 1 (2024년 10월 5일 출생)" when the birth date is known. */
export function memberCaption(form: FormState, id: string, t: Translate, locale: string | null | undefined): string {
  const name = memberName(form, id, t);
  const iso = normalizeDate(form.members.find((m) => m.id === id)?.raw.birthDate ?? '');
  const info = memberField('birthDate');
  if (!iso || !info || !parseAnswer(info.spec, iso).ok) return name;
  return `${name} (${t('household.born', { values: { date: formatDate(iso, locale) } })})`;
}

/** The question text for a field; a field without text yet falls back to its registry description. */
export function fieldLabel(field: FieldInfo, t: Translate): string {
  return t(`questions.${field.name}.label`, { default: field.spec.description });
}

export function fieldHelp(field: FieldInfo, t: Translate): string {
  return t(`questions.${field.name}.help`, { default: '' });
}

export function optionLabel(field: FieldInfo, value: string, t: Translate): string {
  if (value === UNKNOWN_ANSWER) return t('question.unknown');
  if (field.kind === 'yesno') return t(value === 'true' ? 'question.yes' : 'question.no');
  return t(`questions.${field.name}.options.${value}`, { default: value });
}

/** The field behind an answer key (`residence`, `m2.birthDate`). */
export function fieldOfKey(key: string): { field: FieldInfo | undefined; memberId: string | null } {
  const dot = key.indexOf('.');
  if (dot < 0) return { field: householdField(key), memberId: null };
  return { field: memberField(key.slice(dot + 1)), memberId: key.slice(0, dot) };
}

/** "어른 1 · 생년월일" for a member answer, the question for a household one. */
export function keyLabel(form: FormState, key: string, t: Translate): string {
  if (key === MEMBERS_KEY) return t('household.members');
  const { field, memberId } = fieldOfKey(key);
  const label = field ? fieldLabel(field, t) : key;
  return memberId ? `${memberName(form, memberId, t)} · ${label}` : label;
}

export function errorText(error: FieldError, t: Translate, locale: string | null | undefined): string {
  const values: Record<string, string | number> = { ...(error.params ?? {}) };
  if (typeof values.asOf === 'string') values.asOf = formatDate(values.asOf, locale);
  // Numbers are written the reader's way (4,000,000), not as the code holds them.
  // Years are not amounts: 1900, never 1,900.
  for (const [k, v] of Object.entries(values))
    if (typeof v === 'number') values[k] = /year$/i.test(k) ? String(v) : formatNumber(v, locale);
  return t(`validation.${error.code}`, { values, default: t('flow.errorTitle') });
}

/** An answer as the summary shows it. */
export function answerText(raw: string, field: FieldInfo, t: Translate, locale: string | null | undefined): string {
  if (raw.trim() === '') return t('summary.notAnswered');
  if (field.kind === 'yesno' || field.kind === 'choice') return optionLabel(field, raw, t);
  const parsed = parseAnswer(field.spec, raw);
  if (!parsed.ok || parsed.value === undefined) return raw;
  if (field.kind === 'date') return formatDate(parsed.value as string, locale);
  if (field.name === 'monthlyIncome') return t('results.won', { values: { amount: formatNumber(parsed.value as number, locale) } });
  if (field.name === 'medianIncomePercent') return `${formatNumber(parsed.value as number, locale)}%`;
  return formatNumber(parsed.value as number, locale);
}

/** The heading of a step. */
export function stepTitle(step: string, t: Translate): string {
  if (step === 'household') return t('household.title');
  if (step === 'summary') return t('summary.title');
  if (step === INCOME_STEP) return t('income.title');
  const field = fieldOfStep(step);
  return field ? fieldLabel(field, t) : step;
}

/** The DOM id of an answer's input (radio groups: of the fieldset). */
export const inputId = (key: string): string => `f-${key.replace(/\./g, '-')}`;

/** The element with `id` in the document or shadow root that holds `near` (embedded, the form lives in a shadow root). */
export function elementById(near: Node | null | undefined, id: string): HTMLElement | null {
  const root = near?.getRootNode();
  return root instanceof ShadowRoot ? root.getElementById(id) : document.getElementById(id);
}
