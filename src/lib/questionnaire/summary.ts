/** The rows of the answers summary: every answer shown so far, in the order it was asked. */
import { INCOME_STEP } from './fields';
import { fieldOfKey } from './labels';
import { questionKeys, type StepHost } from './steps';

export interface SummaryRow {
  /** An answer key, or `income` for the income question. */
  key: string;
  step: string;
}

export function summaryRows(host: StepHost): SummaryRow[] {
  const rows: SummaryRow[] = questionKeys(host, 'household').map((key) => ({ key, step: 'household' }));
  for (const { step } of host.form.visited) {
    const keys = step === INCOME_STEP ? [INCOME_STEP] : questionKeys(host, step);
    for (const key of keys) if (!rows.some((r) => r.key === key)) rows.push({ key, step });
  }
  return rows.filter((r) => r.key === INCOME_STEP || fieldOfKey(r.key).field !== undefined);
}
