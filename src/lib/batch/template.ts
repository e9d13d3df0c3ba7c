/**
 * What staff download before filling a sheet: the template (Korean headers, two example households
 * dated from today) and its legend, a second CSV with one line per column saying how to write it.
 * The legend is its own file rather than a block in the template: staff fill the template from its
 * first row down and screen it as it is, so nothing in it may be a line that is not a household,
 * while the legend stays open beside it in its own Excel window.
 */
import { todayInSeoul, type FieldSpec } from '../engine';
import { plusMonths, plusYears } from '../engine/dates';
import { FALSE_WORDS, NUMBER_FORMS, TRUE_WORDS } from './cells';
import { type Column, enumHints, enumWords, fieldHeaders, householdColumns, memberColumns, numberUnits, templateColumns } from './columns';
import { csvFile } from './csv';

/** The template: its columns and two example households, a pregnancy and a newborn, dated from `today`. */
export function templateCsv(today = todayInSeoul()): string {
  const columns = templateColumns();
  const example = (values: Record<string, string>) => columns.map((c) => values[c.key] ?? '');
  const rows = [
    example({
      id: '예시-1',
      asOf: today,
      residence: '서울',
      monthlyIncome: '420만',
      childcareGap: '예',
      'adult1.birthDate': plusYears(today, -31),
      'adult1.sex': '여',
      'adult1.pregnant': '예',
      'adult1.dueDate': plusMonths(today, 4),
      'adult2.birthDate': plusYears(today, -33),
      'adult2.sex': '남',
    }),
    example({
      id: '예시-2',
      residence: '서울특별시',
      medianIncomePercent: '55',
      singleParent: '예',
      'adult1.birthDate': plusYears(today, -23),
      'adult1.sex': '여',
      'adult1.pregnant': '아니오',
      'child1.birthDate': plusYears(today, -2),
      'child2.birthDate': plusMonths(today, -2),
      'child2.birthRegisteredInSeoul': '예',
    }),
  ];
  return csvFile(
    columns.map((c) => c.header),
    rows,
  );
}

const LEGEND_HEADER = ['열 이름', '영문 키', '적는 법', '설명 (입력 모델)'];

function howToWrite(column: Column, spec: FieldSpec): string {
  const t = spec.type;
  switch (t.kind) {
    case 'boolean':
      return `예: ${[...TRUE_WORDS].join(', ')} / 아니오: ${[...FALSE_WORDS].join(', ')}`;
    case 'date':
      return 'YYYY-MM-DD (2024.05.02, 2024/5/2, 20240502도 됨)';
    case 'enum': {
      const hint = enumHints[column.field];
      if (hint) return hint.ko;
      const words = Object.entries(enumWords[column.field] ?? {}).map(([word, value]) => `${word} (${value})`);
      return [...words, ...t.values].join(', ');
    }
    case 'integer':
    case 'number': {
      const form = NUMBER_FORMS[numberUnits[column.field] ?? 'plain'].ko;
      const unit = spec.askUnitBelow ? ` · ${spec.askUnitBelow.toLocaleString('en')}원 미만은 단위(원, 만)를 붙여서` : '';
      return `${form} · ${t.min}–${t.max.toLocaleString('en')}${t.kind === 'integer' ? ' (정수)' : ''}${unit}`;
    }
  }
}

/** The legend: every column of the template (adults and children as 성인N / 자녀N), how to write it. */
export function legendCsv(): string {
  const generic = (role: 'adult' | 'child') =>
    memberColumns(role, 1).map((c) => ({ ...c, header: c.header.replace(/1 /, 'N '), key: c.key.replace(/1\./, 'N.') }));
  const rows = [...householdColumns(), ...generic('adult'), ...generic('child')].map((c) => [
    c.header,
    c.key,
    c.spec ? howToWrite(c, c.spec) : '자유롭게 적는 가구 구분 이름 (비우면 행 번호)',
    c.spec?.description ?? '',
  ]);
  const notes = [
    ['(모든 열)', '', `빈 칸은 '모름'으로 봅니다. 가구원마다 ${fieldHeaders.birthDate}은 꼭 적어 주세요.`, ''],
    ['(가구원 번호)', '', '성인1, 성인2 …, 자녀1, 자녀2 …처럼 번호를 붙인 열을 필요한 만큼 더 만들 수 있습니다.', ''],
  ];
  return csvFile(LEGEND_HEADER, [...notes, ...rows]);
}
