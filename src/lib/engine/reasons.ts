/** The ko / en sentences behind each reason code (the app renders the same codes through svelte-i18n). */
import type { IncomeLimit, Reason, ReasonCode, Text } from './types';

const won = (n: number) => n.toLocaleString('ko-KR');

function incomeText(limit: IncomeLimit | undefined): Text {
  if (!limit || limit.monthlyWon === null) return { ko: '', en: '' };
  return {
    ko: ` (${limit.householdSize}인 가구 월 소득인정액 ${won(limit.monthlyWon)}원 이하)`,
    en: ` (monthly income up to KRW ${won(limit.monthlyWon)} for ${limit.householdSize} persons)`,
  };
}

export function reason(code: ReasonCode, details: Omit<Reason, 'code' | 'text'> = {}): Reason {
  const label = details.label ?? { ko: '', en: '' };
  const income = incomeText(details.incomeLimit);
  const date = details.date ?? '';
  const texts: Record<ReasonCode, Text> = {
    notInEffect: { ko: '기준일에 시행 중인 사업이 아닙니다', en: 'not in effect on asOf' },
    allMet: { ko: '모든 조건을 충족합니다', en: 'all conditions are met' },
    criterionUnmet: { ko: `조건 미충족: ${label.ko}${income.ko}`, en: `condition not met: ${label.en}${income.en}` },
    criterionUnknown: { ko: `확인 필요: ${label.ko}${income.ko}`, en: `to be confirmed: ${label.en}${income.en}` },
    upcoming: {
      ko: date ? `${label.ko} (${date}부터)` : label.ko,
      en: date ? `${label.en} (from ${date})` : label.en,
    },
    noCandidate: { ko: `해당하는 가구원이 없습니다: ${label.ko}`, en: `no household member qualifies: ${label.en}` },
    amountUnknown: { ko: '지원 금액은 추가 정보가 있어야 정해집니다', en: 'the amount depends on information not yet given' },
    error: { ko: '이 혜택은 확인하지 못했습니다', en: 'this benefit could not be checked' },
  };
  return { code, ...details, text: texts[code] };
}
