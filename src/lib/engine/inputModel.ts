/**
 * The household input model, v1 — a contract shared with the portal, staff tools and the CLI.
 * Fields may be added (always optional); none may be renamed or change meaning.
 * Every field but members[].role and members[].birthDate may be absent: absent means unknown.
 */

export type FieldType =
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'number'; min: number; max: number };

export interface FieldSpec {
  type: FieldType;
  /**
   * A positive number typed without a unit below this is asked about before it is used: Koreans
   * often give an income in 만원 ("400" for 4,000,000), and 400원 would pass every income test.
   */
  askUnitBelow?: number;
  /** How the number is written: a sum of money in KRW (원, 만원 accepted) or a percentage. */
  unit?: 'won' | 'percent';
  /** Which members the field applies to; household fields leave it out. */
  appliesTo?: 'adult' | 'child' | 'any';
  description: string;
}

const bool = { kind: 'boolean' } as const;
const date = { kind: 'date' } as const;

/** Sums of money in KRW stay within what a double holds exactly. */
const MAX_WON = 1_000_000_000_000;

export const householdFields = {
  asOf: { type: date, description: 'Evaluation date (default: today in Asia/Seoul).' },
  residence: { type: { kind: 'enum', values: ['seoul', 'other'] }, description: 'Where the household is registered (주민등록).' },
  householdSize: { type: { kind: 'integer', min: 1, max: 30 }, description: 'Persons in the household; default = members.length.' },
  monthlyIncome: {
    type: { kind: 'number', min: 0, max: MAX_WON },
    unit: 'won',
    askUnitBelow: 100_000,
    description: 'Household 소득인정액, KRW per month.',
  },
  medianIncomePercent: {
    type: { kind: 'number', min: 0, max: 10_000 },
    unit: 'percent',
    description: 'Alternative to monthlyIncome: % of 기준 중위소득.',
  },
  basicLivelihood: { type: bool, description: '국민기초생활보장 수급가구.' },
  singleParent: { type: bool, description: '한부모가족.' },
  childcareGap: { type: bool, description: '양육공백: e.g. dual-income, a working single parent.' },
  childcareServiceIncomeType: {
    type: { kind: 'enum', values: ['ga', 'na', 'da', 'ra', 'none'] },
    description: '아이돌봄서비스 정부지원 유형 (가/나/다/라), none = not a user or applicant.',
  },
  childMealRisk: {
    type: bool,
    description: 'A child may miss meals because meals cannot be given at home (결식 우려), e.g. no carer at meal times.',
  },
  childCarer: {
    type: { kind: 'enum', values: ['relative', 'private', 'none'] },
    description:
      'Who looks after the young child when the parents cannot: a relative (e.g. a grandparent), a paid private carer, or neither.',
  },
  childCarerHoursPerMonth: {
    type: { kind: 'integer', min: 0, max: 744 },
    description: 'Hours a month the childCarer looks after the child (now or planned).',
  },
  childSupport: {
    type: { kind: 'enum', values: ['unpaid', 'underpaid', 'paid', 'none'] },
    description:
      'Child support (양육비) the other parent owes by a court ruling, mediation or other enforceable title, over the last 3 months: unpaid (nothing, or 3 payments in a row missed), underpaid (on average less than the state advance per child a month), paid (at least that), none (no such child support is owed).',
  },
  ownsHome: { type: bool, description: 'Someone in the household owns a home (주택 소유), anywhere.' },
  housingTenure: {
    type: { kind: 'enum', values: ['owned', 'jeonse', 'monthly-rent', 'public-rental', 'other'] },
    description: 'How the home is held: owned, 전세, 월세 (with or without a deposit), public rental (SH·LH), other.',
  },
  housingDeposit: { type: { kind: 'number', min: 0, max: MAX_WON }, unit: 'won', description: 'Lease deposit (보증금), KRW.' },
  monthlyRent: { type: { kind: 'number', min: 0, max: MAX_WON }, unit: 'won', description: 'Monthly rent (월세), KRW.' },
} as const satisfies Record<string, FieldSpec>;

export const memberFields = {
  role: {
    type: { kind: 'enum', values: ['adult', 'child'] },
    appliesTo: 'any',
    description: 'child = a son or daughter of the household’s adults.',
  },
  birthDate: { type: date, appliesTo: 'any', description: 'Required.' },
  sex: { type: { kind: 'enum', values: ['female', 'male'] }, appliesTo: 'any', description: 'Sex.' },
  pregnant: { type: bool, appliesTo: 'any', description: 'Currently pregnant (asked for women and girls aged 10 or over).' },
  dueDate: { type: date, appliesTo: 'any', description: 'Expected date of birth (분만 예정일).' },
  expectedBabies: {
    type: { kind: 'integer', min: 1, max: 5 },
    appliesTo: 'any',
    description: 'Babies expected in this pregnancy (default 1).',
  },
  expectedBirthOrder: {
    type: { kind: 'integer', min: 1, max: 20 },
    appliesTo: 'any',
    description: 'For a pregnant member: which child of hers the (first) expected baby will be (1 = her first); twins count on from it.',
  },
  employed: { type: bool, appliesTo: 'any', description: 'Working or self-employed.' },
  married: { type: bool, appliesTo: 'any', description: 'Married.' },
  worksOrStudiesInSeoul: { type: bool, appliesTo: 'any', description: 'Works or studies in Seoul.' },
  birthRegistered: { type: bool, appliesTo: 'child', description: '출생신고 done (anywhere in Korea).' },
  birthRegisteredInSeoul: { type: bool, appliesTo: 'child', description: '출생신고 in Seoul.' },
  birthOrder: { type: { kind: 'integer', min: 1, max: 20 }, appliesTo: 'child', description: 'Mother’s birth order (1 = first child).' },
  multipleBirth: { type: bool, appliesTo: 'child', description: 'Twin, triplet, …' },
  attendsDaycare: { type: bool, appliesTo: 'child', description: 'Attends 어린이집/유치원.' },
  inSchool: { type: bool, appliesTo: 'child', description: 'Attends school (matters for benefits that run to age 22 while in school).' },
  needsAfterSchoolCare: {
    type: bool,
    appliesTo: 'child',
    description:
      'Needs care after school (방과 후 돌봄 필요): no parent or other adult can look after the child after school, e.g. both parents work.',
  },
  careStatus: {
    type: { kind: 'enum', values: ['in-care', 'left-care', 'none'] },
    appliesTo: 'any',
    description: '아동복지시설/가정위탁: in care, left care, or never.',
  },
  careEndDate: { type: date, appliesTo: 'any', description: 'Date care ended (보호종료일).' },
  yearsInCare: {
    type: { kind: 'number', min: 0, max: 30 },
    appliesTo: 'any',
    description: 'Years spent in a child welfare facility or foster care (보호기간), e.g. 2.5.',
  },
  schoolLevel: {
    type: { kind: 'enum', values: ['elementary', 'middle', 'high', 'other', 'none'] },
    appliesTo: 'child',
    description: 'School the child attends: elementary (초등학교), middle (중학교), high (고등학교), other (e.g. university), none.',
  },
  feelsUnsafe: {
    type: bool,
    appliesTo: 'any',
    description: 'Feels unsafe or at risk of crime (안전에 취약), e.g. stalking, dating violence, coming home alone at night.',
  },
  engaged: { type: bool, appliesTo: 'any', description: 'Engaged to marry (예비부부), planning a wedding.' },
  monthsLivingInSeoul: {
    type: { kind: 'integer', min: 0, max: 1500 },
    appliesTo: 'any',
    description: 'Months lived in Seoul without a break up to asOf (서울 거주기간, by 주민등록).',
  },
  parentOfChildren: {
    type: bool,
    appliesTo: 'adult',
    description:
      'Mother or father of a child (role child) in this household: tells a young single parent from an adult son, daughter or sibling living at home.',
  },
  koreanNational: { type: bool, appliesTo: 'any', description: 'Korean nationality.' },
  amhLevel: { type: { kind: 'number', min: 0, max: 50 }, appliesTo: 'any', description: 'Latest AMH test result (ng/mL).' },
  ovarianConditionDiagnosed: { type: bool, appliesTo: 'any', description: 'Diagnosed with a disease lowering ovarian function.' },
  infertilityTreatment: { type: bool, appliesTo: 'any', description: 'Diagnosed infertile; having or planning treatment.' },
  uninsuredSelfEmployed: {
    type: bool,
    appliesTo: 'any',
    description: 'Works alone, self-employed or freelance, without employment insurance.',
  },
} as const satisfies Record<string, FieldSpec>;

export type HouseholdField = keyof typeof householdFields;
export type MemberField = keyof typeof memberFields;

/** The TypeScript type of a field's values, read off its spec: the tables are the only source. */
type ValueOf<T extends FieldType> = T extends { kind: 'boolean' }
  ? boolean
  : T extends { kind: 'date' }
    ? string
    : T extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : number;

type Answers<Fields extends Record<string, FieldSpec>> = { -readonly [K in keyof Fields]?: ValueOf<Fields[K]['type']> };

/** Every member field may be absent (unknown) but the two that place a person in the household. */
export type Member = Omit<Answers<typeof memberFields>, 'role' | 'birthDate'> & {
  role: ValueOf<(typeof memberFields)['role']['type']>;
  birthDate: string;
};

export type Household = Answers<typeof householdFields> & { members: Member[] };
