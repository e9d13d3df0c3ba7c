/** Screens parsed rows with the engine and writes the results as CSV (one line per household × benefit). */
import Papa from 'papaparse';
import { evaluate, type Rule, type RuleResult, type RuleSet } from '../engine';
import { pickText } from '../i18n/format';
import type { Lang } from '../results/payload';
import { perWord, reasonText } from '../results/text';
import { fieldHeaders, templateColumns } from './columns';
import type { ParsedSheet, RowProblem } from './parse';
import { sheetReason } from './reasons';

export interface ScreenedRow {
  row: number;
  id: string;
  results: RuleResult[] | null;
  problems: RowProblem[];
  memberGroups: string[];
}

export function screenSheet(sheet: ParsedSheet, ruleSet: RuleSet, asOf?: string): ScreenedRow[] {
  return sheet.rows.map(({ row, id, household, problems, memberGroups }) => ({
    row,
    id,
    problems,
    memberGroups,
    results: household ? evaluate(household, { ...ruleSet, asOf }).results : null,
  }));
}

/** An engine input path (`members[1].dueDate`) in the sheet's own column words (`자녀1 출산예정일`). */
export function columnWords(path: string, memberGroups: string[]): string {
  const m = /^members\[(\d+)\]\.(\w+)$/.exec(path);
  if (!m) return fieldHeaders[path] ?? path;
  return `${memberGroups[Number(m[1])] ?? `members[${m[1]}]`} ${fieldHeaders[m[2]] ?? m[2]}`;
}

/** Column names: Korean for a Korean sheet, English for any other language (tools read them as keys). */
const HEADERS = {
  ko: ['행', '가구ID', '혜택ID', '혜택', '상태', '금액(원)', '단위', '신청기한', '시작일', '확인 필요 항목', '사유'],
  en: ['row', 'household', 'benefit id', 'benefit', 'status', 'amount (KRW)', 'per', 'apply by', 'from', 'missing', 'reasons'],
};

/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
export const BOM = '\uFEFF';

export function resultsCsv(rows: ScreenedRow[], rules: Rule[], lang: Lang): string {
  const { code, t } = lang;
  const names = new Map(rules.map((r) => [r.id, pickText(r.names, code)]));
  const lines: unknown[][] = [];
  for (const r of rows) {
    if (!r.results) {
      const reasons = r.problems.map((p) => `${p.column}: ${sheetReason(p.reason, t, code)}`).join('; ');
      lines.push([r.row, r.id, '', '', t('results.status.invalid'), '', '', '', '', '', reasons]);
      continue;
    }
    for (const result of r.results) {
      lines.push([
        r.row,
        r.id,
        result.id,
        names.get(result.id) ?? result.id,
        t(`results.status.${result.status}`),
        result.amount?.value ?? '',
        result.amount ? perWord(result.amount.per, t) : '',
        result.applyBy ?? '',
        result.upcomingDate ?? '',
        result.missing.map((path) => columnWords(path, r.memberGroups)).join('; '),
        result.reasons.map((x) => reasonText(x, t, code)).join('; '),
      ]);
    }
  }
  return BOM + Papa.unparse({ fields: HEADERS[code === 'ko' ? 'ko' : 'en'], data: lines }, { newline: '\r\n' }) + '\r\n';
}

/** The downloadable template: Korean headers and two example households. */
export function templateCsv(): string {
  const columns = templateColumns();
  const example = (values: Record<string, string>) => columns.map((c) => values[c.key] ?? '');
  const rows = [
    example({
      id: '예시-1',
      asOf: '2024-10-15',
      residence: '서울',
      monthlyIncome: '4200000',
      childcareGap: '예',
      'adult1.birthDate': '1993-05-02',
      'adult1.sex': '여',
      'adult1.pregnant': '예',
      'adult1.dueDate': '2025-02-15',
      'adult2.birthDate': '1991-11-20',
      'adult2.sex': '남',
    }),
    example({
      id: '예시-2',
      asOf: '2024-10-15',
      residence: '서울',
      medianIncomePercent: '55',
      singleParent: '예',
      'adult1.birthDate': '2001-03-09',
      'adult1.sex': '여',
      'adult1.pregnant': '아니오',
      'child1.birthDate': '2022-08-30',
      'child2.birthDate': '2024-09-20',
      'child2.birthRegisteredInSeoul': '예',
    }),
  ];
  return BOM + Papa.unparse({ fields: columns.map((c) => c.header), data: rows }, { newline: '\r\n' }) + '\r\n';
}
