/**
 * Reads a batch-screening CSV into households. Every problem is reported with its row number
 * (as a spreadsheet shows it: the header is row 1), column header and reason; other rows go on.
 */
import Papa from 'papaparse';
import { type Household, MAX_MEMBERS, validateHousehold } from '../engine';
import { type Column, columnFor, enumWords } from './columns';
import type { SheetReason, SheetText } from './reasons';

export interface RowProblem {
  row: number;
  column: string;
  reason: SheetReason;
}

export interface ParsedRow {
  row: number;
  id: string;
  household: Household | null;
  problems: RowProblem[];
  /** The column group of each member, in household.members order (e.g. ['성인1', '자녀1']). */
  memberGroups: string[];
}

export interface ParsedSheet {
  rows: ParsedRow[];
  /** Problems with the sheet itself (unknown headers, CSV syntax). */
  problems: RowProblem[];
}

const TRUE_WORDS = new Set(['예', '네', 'y', 'yes', 'true', '1', 'o', '○', '해당']);
const FALSE_WORDS = new Set(['아니오', '아니요', 'n', 'no', 'false', '0', 'x', '×', '해당없음']);

type Converted = { ok: true; value: unknown } | { ok: false; reason: SheetText };

function convert(column: Column, raw: string): Converted {
  const text = raw.trim();
  const spec = column.spec;
  if (!spec) return { ok: true, value: text };
  switch (spec.type.kind) {
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: { ko: `예/아니오로 적어 주세요 ("${text}")`, en: `write yes or no ("${text}")` } };
    }
    case 'date': {
      const m = /^(\d{4})[-./]?\s?(\d{1,2})[-./]?\s?(\d{1,2})\.?$/.exec(text);
      if (!m)
        return { ok: false, reason: { ko: `날짜는 YYYY-MM-DD로 적어 주세요 ("${text}")`, en: `write dates as YYYY-MM-DD ("${text}")` } };
      return { ok: true, value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` };
    }
    case 'enum': {
      const words = enumWords[column.field] ?? {};
      const value = words[text] ?? text.toLowerCase();
      if (spec.type.values.includes(value)) return { ok: true, value };
      const choices = [...Object.keys(words), ...spec.type.values].join(', ');
      return {
        ok: false,
        reason: { ko: `다음 중 하나로 적어 주세요: ${choices} ("${text}")`, en: `write one of: ${choices} ("${text}")` },
      };
    }
    case 'integer':
    case 'number': {
      const cleaned = text.replace(/[,\s원%]/g, '');
      const value = Number(cleaned);
      if (cleaned === '' || !Number.isFinite(value))
        return { ok: false, reason: { ko: `숫자로 적어 주세요 ("${text}")`, en: `write a number ("${text}")` } };
      return { ok: true, value };
    }
  }
}

/** The header of the household column for `field`, as the sheet spells it. */
function headerOf(columns: (Column | null)[], headers: string[], field: string): string {
  return headers.find((_, i) => columns[i]?.key === field) ?? field;
}

/** The member groups (성인1, 자녀2 …) a row fills in, in the household's order: adults, then children. */
function filledGroups(cells: string[], columns: (Column | null)[]): string[] {
  const groups = new Map<string, { kind: 'adult' | 'child'; n: number }>();
  columns.forEach((column, i) => {
    if (column && column.group.kind !== 'household' && (cells[i] ?? '').trim() !== '') {
      groups.set(`${column.group.kind}${column.group.n}`, column.group);
    }
  });
  return [...groups.values()]
    .sort((a, b) => (a.kind === b.kind ? a.n - b.n : a.kind === 'adult' ? -1 : 1))
    .map((g) => `${g.kind === 'adult' ? '성인' : '자녀'}${g.n}`);
}

function buildRow(cells: string[], columns: (Column | null)[], headers: string[], row: number): ParsedRow {
  // More people than a household may have: one problem for the row (the first group too many), before any cell is read.
  const filled = filledGroups(cells, columns);
  if (filled.length > MAX_MEMBERS) {
    const [tooMany] = validateHousehold({ members: filled });
    const id = cells[columns.findIndex((c) => c?.field === 'id')]?.trim();
    const problem = { row, column: filled[MAX_MEMBERS], reason: { code: tooMany.code, params: tooMany.params } };
    return { row, id: id || String(row - 1), household: null, problems: [problem], memberGroups: [] };
  }
  const problems: RowProblem[] = [];
  const household: Record<string, unknown> = {};
  const groups = new Map<string, { role: 'adult' | 'child'; n: number; member: Record<string, unknown>; columns: Map<string, string> }>();
  let id = '';
  columns.forEach((column, i) => {
    const raw = cells[i] ?? '';
    if (!column || raw.trim() === '') return;
    if (column.field === 'id') {
      id = raw.trim();
      return;
    }
    const converted = convert(column, raw);
    if (!converted.ok) {
      problems.push({ row, column: headers[i], reason: converted.reason });
      return;
    }
    if (column.group.kind === 'household') household[column.field] = converted.value;
    else {
      const key = `${column.group.kind}${column.group.n}`;
      if (!groups.has(key)) groups.set(key, { role: column.group.kind, n: column.group.n, member: {}, columns: new Map() });
      const g = groups.get(key)!;
      g.member[column.field] = converted.value;
      g.columns.set(column.field, headers[i]);
    }
  });
  const ordered = [...groups.values()].sort((a, b) => (a.role === b.role ? a.n - b.n : a.role === 'adult' ? -1 : 1));
  household.members = ordered.map((g) => ({ role: g.role, ...g.member }));
  if (problems.length === 0) {
    for (const issue of validateHousehold(household)) {
      const m = /^members\[(\d+)\](?:\.(\w+))?$/.exec(issue.field);
      const g = m ? ordered[Number(m[1])] : undefined;
      // A member problem names its column, or the member's group when the column is absent (a missing birth date).
      const column = g
        ? ((m?.[2] ? g.columns.get(m[2]) : undefined) ?? `${g.role === 'adult' ? '성인' : '자녀'}${g.n}`)
        : headerOf(columns, headers, issue.field);
      const reason: SheetReason =
        issue.field === 'members' && issue.code === 'members.empty'
          ? { ko: '가구원 생년월일이 하나도 없습니다', en: 'no member has a birth date' }
          : { code: issue.code, params: issue.params };
      problems.push({ row, column, reason });
    }
  }
  const memberGroups = ordered.map((g) => `${g.role === 'adult' ? '성인' : '자녀'}${g.n}`);
  return {
    row,
    id: id || String(row - 1),
    household: problems.length === 0 ? (household as unknown as Household) : null,
    problems,
    memberGroups,
  };
}

const EMPTY_FILE: SheetText = {
  ko: '파일이 비어 있습니다. 첫 줄에 열 이름(서식 참고)을, 그다음 줄부터 한 줄에 한 가구씩 적어 주세요',
  en: 'the file is empty: write the column names (see the template) on the first line, then one household per line',
  zh: '文件是空的：请在第一行写列名（参考模板），从第二行起每行写一户',
  vi: 'tệp trống: hãy ghi tên cột (xem mẫu) ở dòng đầu, rồi mỗi dòng một hộ',
};

/** One of `of` contiguous slices of the rows, for screening a sheet in several workers at once. */
export interface Shard {
  index: number;
  of: number;
}

/**
 * Parses CSV text (a leading BOM is ignored) into households and per-row problems; with a shard,
 * only that slice of the rows is read into households (every shard sees the same sheet problems).
 */
export function parseBatchCsv(text: string, shard: Shard = { index: 0, of: 1 }): ParsedSheet {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { rows: [], problems: [{ row: 1, column: '', reason: EMPTY_FILE }] };
  const parsed = Papa.parse<string[]>(content, { skipEmptyLines: 'greedy' });
  const [headers = [], ...body] = parsed.data;
  // A sheet of one column has no delimiter to detect: Papa Parse then reads it with commas, rightly.
  const errors = parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter');
  const problems: RowProblem[] = errors.map((e) => ({
    row: (e.row ?? 0) + 1,
    column: '',
    reason: { ko: `CSV 형식 오류: ${e.message}`, en: `CSV syntax: ${e.message}` },
  }));
  const columns = headers.map(columnFor);
  columns.forEach((c, i) => {
    if (!c && headers[i].trim() !== '')
      problems.push({ row: 1, column: headers[i], reason: { ko: '알 수 없는 열입니다 (무시함)', en: 'unknown column (ignored)' } });
  });
  const start = Math.floor((shard.index * body.length) / shard.of);
  const end = Math.floor(((shard.index + 1) * body.length) / shard.of);
  const rows = body.slice(start, end).map((cells, i) => buildRow(cells, columns, headers, start + i + 2));
  return { rows, problems };
}
