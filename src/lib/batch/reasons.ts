/** Why a row or cell of a batch sheet cannot be screened, and that reason in words (kept apart from the CSV parser, which the page never loads). */
import type { ValidationIssue } from '../engine';
import type { Translate } from '../i18n/translator';
import type { Locale, Text } from '../languages';
import { errorText } from '../questionnaire/labels';

/** What the sheet's reader itself says about a cell: in Korean and English, the languages staff work in, and maybe others. */
export type SheetText = Partial<Text> & { ko: string; en: string };

/** The engine's validation issue (worded from the catalogues, in every language), or the reader's own words. */
export type SheetReason = Pick<ValidationIssue, 'code' | 'params'> | SheetText;

/** A reason in the sheet's language; the reader's own words are English where they lack it. */
export function sheetReason(reason: SheetReason, t: Translate, code: Locale): string {
  if ('code' in reason) return errorText(reason, t, code);
  return reason[code] ?? reason.en;
}
