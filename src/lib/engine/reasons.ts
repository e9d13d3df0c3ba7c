/** The ko / en sentences behind each reason code (the app renders the same codes through svelte-i18n). */
import type { IncomeLimit, Per, Reason, ReasonCode, Text } from './types';

// Made at first use, not on import: the first Intl object of a page costs ~30 ms of a phone's
// start-up, and the app starts without formatting any amount.
let wonFormat: Intl.NumberFormat | undefined;
const wonText = new Map<number, string>();

/** Income limits repeat across households of a size, and Intl formatting is slow: remember them. */
function won(n: number): string {
  let text = wonText.get(n);
  if (text === undefined) {
    text = (wonFormat ??= new Intl.NumberFormat('ko-KR')).format(n);
    if (wonText.size < 10_000) wonText.set(n, text);
  }
  return text;
}

function incomeText(limit: IncomeLimit | undefined): Text {
  if (!limit || limit.monthlyWon === null) return { ko: '', en: '' };
  return {
    ko: ` (${limit.householdSize}인 가구 월 소득인정액 ${won(limit.monthlyWon)}원 이하)`,
    en: ` (monthly income up to KRW ${won(limit.monthlyWon)} for ${limit.householdSize} persons)`,
  };
}

function textFor(code: ReasonCode, details: Omit<Reason, 'code' | 'text'>): Text {
  const label = details.label ?? { ko: '', en: '' };
  switch (code) {
    case 'notInEffect':
      return { ko: '기준일에 시행 중인 사업이 아닙니다', en: 'not in effect on asOf' };
    case 'allMet':
      return { ko: '모든 조건을 충족합니다', en: 'all conditions are met' };
    case 'criterionUnmet':
    case 'criterionUnknown': {
      const income = incomeText(details.incomeLimit);
      return code === 'criterionUnmet'
        ? { ko: `조건 미충족: ${label.ko}${income.ko}`, en: `condition not met: ${label.en}${income.en}` }
        : { ko: `확인 필요: ${label.ko}${income.ko}`, en: `to be confirmed: ${label.en}${income.en}` };
    }
    case 'upcoming':
      return details.date
        ? { ko: `${label.ko} (${details.date}부터)`, en: `${label.en} (from ${details.date})` }
        : { ko: label.ko, en: label.en };
    case 'noCandidate':
      return { ko: `해당하는 가구원이 없습니다: ${label.ko}`, en: `no household member qualifies: ${label.en}` };
    case 'amountUnknown':
      return { ko: '지원 금액은 추가 정보가 있어야 정해집니다', en: 'the amount depends on information not yet given' };
    case 'error':
      return { ko: '이 혜택은 확인하지 못했습니다', en: 'this benefit could not be checked' };
  }
}

export function reason(code: ReasonCode, details: Omit<Reason, 'code' | 'text'> = {}): Reason {
  return { code, ...details, text: textFor(code, details) };
}

/** How often an amount is paid, in words (CSV output and the catalogue). */
export const perText: Record<Per, Text> = {
  once: { ko: '1회', en: 'once' },
  month: { ko: '월', en: 'per month' },
  quarter: { ko: '분기', en: 'per quarter' },
  year: { ko: '연', en: 'per year' },
  hour: { ko: '시간당', en: 'per hour' },
  visit: { ko: '회당', en: 'per visit' },
  meal: { ko: '끼니당', en: 'per meal' },
  day: { ko: '일', en: 'per day' },
};
