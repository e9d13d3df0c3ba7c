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
    if (step === INCOME_STEP) rows.push({ key: INCOME_STEP, step });
    else for (const key of questionKeys(host, step)) if (!rows.some((r) => r.key === key)) rows.push({ key, step });
  }
  return rows.filter((r) => r.key === INCOME_STEP || fieldOfKey(r.key).field !== undefined);
}
