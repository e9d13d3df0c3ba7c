/**
 * Screens parsed rows with the engine and writes them as CSV lines: the long format (one line per
 * household × benefit, the CLI's `screen` output) and the per-household summary (what the
 * household can get, the totals the resident's results page shows, and what to ask next).
 */
import {
  evaluate,
  memberPath,
  parseInputPath,
  type Evaluation,
  type Reason,
  type Rule,
  type RuleSet,
  type Status,
  type Text,
} from '../engine';
import { pickText } from '../i18n/format';
import type { Locale } from '../languages';
import { rankSteps, type DecisiveStep } from '../questionnaire/decisive';
import { groupResults } from '../results/group';
import type { Lang } from '../results/payload';
import { perWord, reasonKey, reasonText } from '../results/text';
import { fieldHeaders } from './columns';
import { csvCell, csvFile, csvLines } from './csv';
import type { ParsedRow, RowProblem } from './parse';
import { sheetReason } from './reasons';

export type { Lang } from '../results/payload';

export interface ScreenedRow {
  row: number;
  id: string;
  /** null for a row that could not be read (see problems). */
  evaluation: Evaluation | null;
  problems: RowProblem[];
  memberGroups: string[];
}

/**
 * A parsed row evaluated (its household was validated when parsed). `explain: false` keeps only
 * statuses, amounts, dates and missing inputs: enough to screen a sheet, not to write its lines.
 */
export function screenRow(parsed: ParsedRow, ruleSet: RuleSet, asOf?: string, explain = true): ScreenedRow {
  const { row, id, household, problems, memberGroups } = parsed;
  const evaluation = household ? evaluate(household, { ...ruleSet, asOf, explain, validated: true }) : null;
  return { row, id, problems, memberGroups, evaluation };
}

/** An engine input path (`members[1].dueDate`) in the sheet's own column words (`자녀1 출산예정일`). */
export function columnWords(path: string, memberGroups: string[]): string {
  const { member, field } = parseInputPath(path);
  if (member === null || field === null) return fieldHeaders[path] ?? path;
  return `${memberGroups[member] ?? memberPath(member)} ${fieldHeaders[field] ?? field}`;
}

/** A question step (see questionnaire/decisive) in the sheet's column words: the columns that answer it. */
function stepWords(step: DecisiveStep): string {
  if (step.step === 'income') return `${fieldHeaders.monthlyIncome}/${fieldHeaders.medianIncomePercent}`;
  const [scope, field] = step.step.split(':');
  const header = fieldHeaders[field] ?? field;
  return scope === 'm' ? step.members.map((group) => `${group} ${header}`).join(', ') : header;
}

/** Column names: Korean for a Korean sheet, English for any other language (tools read them as keys). */
export const headerLanguage = (code: Locale): 'ko' | 'en' => (code === 'ko' ? 'ko' : 'en');

export const RESULT_HEADERS: Record<'ko' | 'en', string[]> = {
  ko: ['행', '가구ID', '혜택ID', '혜택', '상태', '금액(원)', '단위', '신청기한', '시작일', '확인 필요 항목', '사유'],
  en: ['row', 'household', 'benefit id', 'benefit', 'status', 'amount (KRW)', 'per', 'apply by', 'from', 'missing', 'reasons'],
};

export const SUMMARY_HEADERS: Record<'ko' | 'en', string[]> = {
  ko: [
    '행',
    '가구ID',
    '받을 수 있는 혜택',
    '일시금 합계(원)',
    '월 합계(원)',
    '기간이 정해진 월 지원',
    '연 합계(원)',
    '최대 한도 합계(원)',
    '합계에 빠진 금액',
    '이용할 수 있는 서비스',
    '곧 받을 수 있는 혜택',
    '확인 필요 혜택 수',
    '다음에 확인할 항목',
    '입력 오류',
    '월 최대 한도 합계(원)',
  ],
  en: [
    'row',
    'household',
    'eligible benefits',
    'one-off total (KRW)',
    'monthly total (KRW)',
    'monthly for a limited time',
    'yearly total (KRW)',
    'up-to total (KRW)',
    'amounts not in the totals',
    'services available',
    'upcoming benefits',
    'benefits to check',
    'ask next',
    'input problems',
    'monthly up-to total (KRW)',
  ],
};

const problemText = (problems: RowProblem[], { code, t }: Lang) =>
  problems.map((p) => `${p.column}: ${sheetReason(p.reason, t, code)}`).join('; ');

/** Reasons worded at most: they repeat across households; past this, the memo starts afresh (memory stays bounded). */
const MEMO_LIMIT = 20_000;

interface Words {
  text: string;
  cell: string;
}

/** Writes screened rows as CSV lines (csv.ts makes every cell safe). */
export class ResultWriter {
  private readonly names: Map<string, string>;
  /** Each benefit's id and name cells. */
  private readonly benefitCells: Map<string, string>;
  /**
   * Cells that repeat from line to line, written once: a sheet of a million households has tens
   * of millions of lines. Reasons by their label (rule data, the same object every time), then reasonKey.
   */
  private readonly statusCells = new Map<string, string>();
  private readonly perCells = new Map<string, string>();
  private readonly reasonWords = new Map<Text | undefined, Map<string, Words>>();
  private reasonCount = 0;

  /** `names`: each benefit's name in `lang`, where the rules in hand may lack it (the browser's worker has the languages loaded when it started). */
  constructor(
    private readonly rules: Rule[],
    private readonly lang: Lang,
    names: Record<string, string> = {},
  ) {
    this.names = new Map(rules.map((r) => [r.id, names[r.id] ?? pickText(r.names, lang.code)]));
    this.benefitCells = new Map(rules.map((r) => [r.id, `${csvCell(r.id)},${csvCell(this.names.get(r.id))}`]));
  }

  private words(reason: Reason): Words {
    const key = reasonKey(reason);
    let byKey = this.reasonWords.get(reason.label);
    let words = byKey?.get(key);
    if (words) return words;
    if (this.reasonCount >= MEMO_LIMIT) {
      this.reasonWords.clear();
      this.reasonCount = 0;
      byKey = undefined;
    }
    if (!byKey) this.reasonWords.set(reason.label, (byKey = new Map()));
    const text = reasonText(reason, this.lang.t, this.lang.code);
    byKey.set(key, (words = { text, cell: csvCell(text) }));
    this.reasonCount += 1;
    return words;
  }

  private reasonsCell(reasons: Reason[]): string {
    if (reasons.length === 1) return this.words(reasons[0]).cell;
    return csvCell(reasons.map((x) => this.words(x).text).join('; '));
  }

  private cell(cells: Map<string, string>, key: string, make: () => string): string {
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = csvCell(make())));
    return cell;
  }

  /** The long format's CSV lines for a row: one per benefit, or one "invalid input" line. `keep` picks benefits. */
  lines(r: ScreenedRow, keep?: (benefit: string, status: Status) => boolean): string {
    const { t } = this.lang;
    if (!r.evaluation)
      return csvLines([[r.row, r.id, '', '', t('results.status.invalid'), '', '', '', '', '', problemText(r.problems, this.lang)]]);
    const head = `${csvCell(r.row)},${csvCell(r.id)},`;
    let text = '';
    for (const result of r.evaluation.results) {
      if (keep && !keep(result.id, result.status)) continue;
      const { amount, missing } = result;
      text +=
        head +
        (this.benefitCells.get(result.id) ?? `${csvCell(result.id)},${csvCell(result.id)}`) +
        ',' +
        this.cell(this.statusCells, result.status, () => t(`results.status.${result.status}`)) +
        ',' +
        csvCell(amount?.value) +
        ',' +
        (amount ? this.cell(this.perCells, amount.per, () => perWord(amount.per, t)) : '') +
        ',' +
        csvCell(result.applyBy) +
        ',' +
        csvCell(result.upcomingDate) +
        ',' +
        (missing.length === 0 ? '' : csvCell(missing.map((path) => columnWords(path, r.memberGroups)).join('; '))) +
        ',' +
        this.reasonsCell(result.reasons) +
        '\r\n';
    }
    return text;
  }

  /** The row's one summary line: totals as the results page counts them (results/totals), what to ask next. */
  summary(r: ScreenedRow): string {
    return csvLines([this.summaryCells(r)]);
  }

  private summaryCells(r: ScreenedRow): unknown[] {
    // Its own words follow the headers: Korean for a Korean sheet, English otherwise.
    const words = headerLanguage(this.lang.code);
    // The input problems column is the one before the last: the monthly ceilings came after it.
    if (!r.evaluation) return [r.row, r.id, ...SUMMARY_HEADERS[words].slice(3, -2).map(() => ''), problemText(r.problems, this.lang), ''];
    const ranking = rankSteps(r.evaluation, r.memberGroups);
    const { groups, services, totals } = groupResults(r.evaluation, this.rules, ranking, r.memberGroups);
    const names = (views: typeof services) => views.map((v) => this.names.get(v.rule.id) ?? v.rule.id).join('; ');
    const limited = totals.limited.map((item) =>
      words === 'ko'
        ? `${this.names.get(item.id)}: 월 ${item.upTo ? '최대 ' : ''}${item.value}원 × ${item.months}개월`
        : `${this.names.get(item.id)}: ${item.upTo ? 'up to ' : ''}${item.value} KRW a month × ${item.months} months`,
    );
    return [
      r.row,
      r.id,
      names(groups.eligible),
      totals.once,
      totals.month,
      limited.join('; '),
      totals.year,
      totals.upTo,
      totals.partial ? (words === 'ko' ? '있음' : 'yes') : '',
      names(services.filter((v) => v.result.status === 'eligible')),
      names(groups.upcoming),
      groups.unknown.length,
      ranking.map((s) => `${stepWords(s)} (${words === 'ko' ? '혜택' : 'benefits'} ${s.decides})`).join('; '),
      '',
      totals.upToMonth,
    ];
  }
}

/** The long-format CSV of screened rows, as one text (small sheets; `screen` streams the same lines). */
export function resultsCsv(rows: ScreenedRow[], rules: Rule[], lang: Lang): string {
  const writer = new ResultWriter(rules, lang);
  return csvFile(RESULT_HEADERS[headerLanguage(lang.code)], []) + rows.map((r) => writer.lines(r)).join('');
}
