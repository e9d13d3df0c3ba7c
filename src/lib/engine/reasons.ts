/**
 * Reasons as codes with their details. Their sentences live in the message catalogues only
 * (src/lib/i18n/locales), rendered by src/lib/results/reasons.ts for the app, the CLI, the CSV and
 * the embed alike.
 */
import type { Reason, ReasonCode } from './types';

export function reason(code: ReasonCode, details: Omit<Reason, 'code'> = {}): Reason {
  return { code, ...details };
}
