/**
 * Columns of the batch-screening CSV: one row per household, Korean headers (an English key is
 * accepted too), adults and children as numbered column groups (성인1 …, 자녀1 … 자녀N).
 */
import { type FieldSpec, householdFields, memberFields } from '../engine/inputModel';
import { residenceNamed } from '../places';

/** Korean header words for every input field (a test fails when a field lacks one). */
export const fieldHeaders: Record<string, string> = {
  id: '가구ID',
  asOf: '기준일',
  residence: '거주지',
  householdSize: '가구원수',
  monthlyIncome: '월소득인정액',
  medianIncomePercent: '중위소득비율(%)',
  basicLivelihood: '기초생활수급',
  singleParent: '한부모가족',
  childcareGap: '양육공백',
  childcareServiceIncomeType: '아이돌봄유형',
  childMealRisk: '결식우려',
  childCarer: '돌봄조력자',
  childCarerHoursPerMonth: '조력자돌봄시간(월)',
  childSupport: '양육비수령',
  ownsHome: '주택소유',
  housingTenure: '주거형태',
  housingDeposit: '임대보증금',
  monthlyRent: '월세액',
  birthDate: '생년월일',
  sex: '성별',
  pregnant: '임신중',
  dueDate: '출산예정일',
  expectedBabies: '태아수',
  expectedBirthOrder: '태아출생순위',
  employed: '취업',
  married: '혼인',
  worksOrStudiesInSeoul: '서울직장·학교',
  birthRegistered: '출생신고',
  birthRegisteredInSeoul: '서울출생신고',
  birthOrder: '출생순위',
  multipleBirth: '다태아',
  attendsDaycare: '어린이집·유치원',
  inSchool: '재학',
  needsAfterSchoolCare: '방과후돌봄필요',
  careStatus: '보호상태',
  careEndDate: '보호종료일',
  yearsInCare: '보호기간(년)',
  schoolLevel: '학교급',
  feelsUnsafe: '안전위협',
  engaged: '결혼예정',
  monthsLivingInSeoul: '서울거주개월',
  parentOfChildren: '자녀의부모',
  koreanNational: '대한민국국적',
  amhLevel: 'AMH수치',
  ovarianConditionDiagnosed: '난소기능저하진단',
  infertilityTreatment: '난임시술',
  uninsuredSelfEmployed: '고용보험미적용자영업',
};

/** Korean spellings accepted for enum values, besides the model's own values. */
export const enumWords: Record<string, Record<string, string>> = {
  residence: { 기타: 'other', 서울외: 'other', 타시도: 'other' },
  sex: { 여: 'female', 여성: 'female', 여자: 'female', 남: 'male', 남성: 'male', 남자: 'male' },
  childcareServiceIncomeType: {
    가: 'ga',
    가형: 'ga',
    나: 'na',
    나형: 'na',
    다: 'da',
    다형: 'da',
    라: 'ra',
    라형: 'ra',
    없음: 'none',
    미이용: 'none',
  },
  childCarer: { 친인척: 'relative', 조부모: 'relative', 조력자: 'relative', 민간: 'private', 없음: 'none' },
  housingTenure: {
    자가: 'owned',
    자기집: 'owned',
    전세: 'jeonse',
    월세: 'monthly-rent',
    반전세: 'monthly-rent',
    공공임대: 'public-rental',
    임대주택: 'public-rental',
    기타: 'other',
  },
  careStatus: { 보호중: 'in-care', 보호종료: 'left-care', 해당없음: 'none', 없음: 'none' },
  childSupport: { 미지급: 'unpaid', 일부지급: 'underpaid', 지급: 'paid', 해당없음: 'none', 없음: 'none' },
  schoolLevel: {
    초등: 'elementary',
    초등학교: 'elementary',
    중학교: 'middle',
    중등: 'middle',
    고등학교: 'high',
    고등: 'high',
    기타: 'other',
    미취학: 'none',
    없음: 'none',
  },
};

/** Values read from a name list rather than a few words: 거주지 by any 시·도 name (서울, 서울특별시, 경기, 부산광역시, Jeju …). */
export const enumLookups: Record<string, (text: string) => string | null> = {
  residence: residenceNamed,
};

/** How to write such a field, in place of listing every name. */
export const enumHints: Record<string, { ko: string; en: string }> = {
  residence: {
    ko: '서울(서울시, 서울특별시) 또는 다른 시·도 이름(경기, 경기도, 부산광역시 …), 기타',
    en: 'Seoul (서울, 서울특별시) or another 시·도 by name (경기, 경기도, 부산광역시 …), 기타',
  },
};

/** Number fields written with a unit (the field spec's): 원 (and 만/만원 for ten thousand won), or %. */
export const numberUnits: Record<string, 'won' | 'percent'> = Object.fromEntries(
  [...Object.entries(householdFields), ...Object.entries(memberFields)].flatMap(([field, spec]: [string, FieldSpec]) =>
    spec.unit ? [[field, spec.unit]] : [],
  ),
);

export type Group = { kind: 'household' } | { kind: 'adult' | 'child'; n: number };

export interface Column {
  header: string;
  key: string;
  field: string;
  group: Group;
  spec: FieldSpec | null;
}

const memberFieldsFor = (role: 'adult' | 'child') =>
  Object.entries(memberFields).filter(([f, spec]) => f !== 'role' && (spec.appliesTo === 'any' || spec.appliesTo === role));

const groupWord = { adult: '성인', child: '자녀' };

export function householdColumns(): Column[] {
  return [
    { header: fieldHeaders.id, key: 'id', field: 'id', group: { kind: 'household' }, spec: null },
    ...Object.entries(householdFields).map(([field, spec]) => ({
      header: fieldHeaders[field] ?? field,
      key: field,
      field,
      group: { kind: 'household' } as Group,
      spec,
    })),
  ];
}

export function memberColumns(role: 'adult' | 'child', n: number): Column[] {
  return memberFieldsFor(role).map(([field, spec]) => ({
    header: `${groupWord[role]}${n} ${fieldHeaders[field] ?? field}`,
    key: `${role}${n}.${field}`,
    field,
    group: { kind: role, n },
    spec,
  }));
}

/** The template's columns: the household, two adults and three children (more groups may be added). */
export function templateColumns(adults = 2, children = 3): Column[] {
  return [
    ...householdColumns(),
    ...Array.from({ length: adults }, (_, i) => memberColumns('adult', i + 1)).flat(),
    ...Array.from({ length: children }, (_, i) => memberColumns('child', i + 1)).flat(),
  ];
}

const MEMBER_HEADER = /^(성인|자녀)\s*(\d+)\s+(.+)$/;
const MEMBER_KEY = /^(adult|child)(\d+)\.(\w+)$/;

/** Which column a header names: a Korean header or an English key; null if unknown. */
export function columnFor(header: string): Column | null {
  const text = header.trim();
  const household = householdColumns().find((c) => c.header === text || c.key === text);
  if (household) return household;
  const ko = MEMBER_HEADER.exec(text);
  const en = MEMBER_KEY.exec(text);
  const role = ko ? (ko[1] === '성인' ? 'adult' : 'child') : (en?.[1] as 'adult' | 'child' | undefined);
  const n = Number(ko?.[2] ?? en?.[2]);
  const word = ko?.[3] ?? en?.[3];
  if (!role || !word || !(n >= 1)) return null;
  return memberColumns(role, n).find((c) => (ko ? fieldHeaders[c.field] === word : c.field === word)) ?? null;
}
