/**
 * Reads batch-screening CSV records into households. Every problem of a row is reported at once,
 * with its row number (as a spreadsheet shows it: the header is row 1), column header and reason;
 * other rows go on. A sheet that names one column twice is refused: which cell would count?
 */
import { type Household, type IssueCode, MAX_MEMBERS, parseInputPath, validateHousehold } from '../engine';
import { convertCell, type Converted } from './cells';
import { type Column, columnFor } from './columns';
import type { SheetReason, SheetText } from './reasons';
import { readRecords } from './records';

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
  /** Problems with the sheet itself (unknown or repeated headers, CSV syntax). */
  problems: RowProblem[];
  /** The sheet cannot be screened (a column named twice): no rows were read. */
  refused: boolean;
}

/** Checks against the evaluation date, which mean nothing when the sheet's 기준일 could not be read. */
const AS_OF_CODES = new Set<IssueCode>(['date.future', 'dueDate.past', 'dueDate.tooFar', 'pregnant.tooYoung']);

const groupName = (role: 'adult' | 'child', n: number) => `${role === 'adult' ? '성인' : '자녀'}${n}`;

const EMPTY_FILE: SheetText = {
  ko: '파일이 비어 있습니다. 첫 줄에 열 이름(서식 참고)을, 그다음 줄부터 한 줄에 한 가구씩 적어 주세요',
  en: 'the file is empty: write the column names (see the template) on the first line, then one household per line',
  zh: '文件是空的：请在第一行写列名（参考模板），从第二行起每行写一户',
  vi: 'tệp trống: hãy ghi tên cột (xem mẫu) ở dòng đầu, rồi mỗi dòng một hộ',
};

/** A recognised column of the sheet, with what row() needs of it worked out once. */
interface Slot {
  index: number;
  column: Column;
  header: string;
  /** Its member group's place in household order (adults, then children, each by number); -1 for a household column. */
  member: number;
  /** Cells already converted, by their text: most columns hold a handful of distinct values (예, 서울, 월세 …). */
  seen: Map<string, Converted>;
}

/** A member group the sheet has columns for, in household order. */
interface MemberGroup {
  role: 'adult' | 'child';
  name: string;
  /** Its slots by field. */
  slots: Map<string, Slot>;
}

/** Distinct texts remembered per column at most: enough for words and dates, not for every income of a million rows. */
const SEEN_LIMIT = 4096;

/** The sheet's columns, read from its header row; turns each later row into a household. */
export class SheetColumns {
  readonly columns: (Column | null)[];
  private readonly slots: Slot[];
  private readonly groups: MemberGroup[];
  readonly problems: RowProblem[] = [];
  readonly refused: boolean;
  /** The member groups the sheet has columns for: a row can only fill more than a household may have when this can. */
  private readonly groupCount: number;

  /** `asOf`: the evaluation date given for the whole sheet (the CLI's --as-of), if any. */
  constructor(
    readonly headers: string[],
    private readonly asOf?: string,
  ) {
    // No header (an empty file, or nothing but blank lines): say so rather than screen nothing in silence.
    if (headers.every((h) => h.trim() === '')) this.problems.push({ row: 1, column: '', reason: EMPTY_FILE });
    this.columns = headers.map(columnFor);
    const byKey = new Map<string, string[]>();
    this.columns.forEach((c, i) => {
      if (c) byKey.set(c.key, [...(byKey.get(c.key) ?? []), headers[i].trim()]);
      else if (headers[i].trim() !== '')
        this.problems.push({ row: 1, column: headers[i], reason: { ko: '알 수 없는 열입니다 (무시함)', en: 'unknown column (ignored)' } });
    });
    const repeated = [...byKey.values()].filter((names) => names.length > 1);
    for (const names of repeated) {
      const list = names.map((n) => `"${n}"`).join(', ');
      this.problems.push({
        row: 1,
        column: names[0],
        reason: {
          ko: `같은 열이 여러 번 있습니다: ${list}. 하나만 남겨 주세요 (파일을 확인하지 않았습니다)`,
          en: `the same column appears more than once: ${list}. Keep one (the file was not screened)`,
        },
      });
    }
    this.refused = repeated.length > 0;
    const members = new Map<string, { role: 'adult' | 'child'; n: number }>();
    for (const column of this.columns) {
      const g = column?.group;
      if (g && g.kind !== 'household') members.set(`${g.kind}${g.n}`, { role: g.kind, n: g.n });
    }
    const order = [...members].sort(([, a], [, b]) => (a.role === b.role ? a.n - b.n : a.role === 'adult' ? -1 : 1)).map(([key]) => key);
    this.groups = order.map((key) => ({
      role: members.get(key)!.role,
      name: groupName(members.get(key)!.role, members.get(key)!.n),
      slots: new Map(),
    }));
    this.slots = this.columns.flatMap((column, index) => {
      if (!column) return [];
      const group = column.group.kind === 'household' ? null : `${column.group.kind}${column.group.n}`;
      const slot: Slot = {
        index,
        column,
        header: headers[index],
        member: group === null ? -1 : order.indexOf(group),
        seen: new Map(),
      };
      if (slot.member >= 0) this.groups[slot.member].slots.set(column.field, slot);
      return [slot];
    });
    this.groupCount = this.groups.length;
  }

  /** The header of the household column for `field`, as the sheet spells it. */
  private headerOf(field: string): string {
    return this.headers.find((_, i) => this.columns[i]?.key === field) ?? field;
  }

  /**
   * A row filling more member groups than a household may have people: one problem at the first
   * group too many, before any cell is read; null for any other row.
   */
  private tooMany(cells: string[], row: number): ParsedRow | null {
    const filled = new Set<number>();
    let id = '';
    for (const { index, column, member } of this.slots) {
      const text = (cells[index] ?? '').trim();
      if (text === '') continue;
      if (column.field === 'id') id = text;
      else if (member >= 0) filled.add(member);
    }
    if (filled.size <= MAX_MEMBERS) return null;
    // Groups are numbered in household order already.
    const names = [...filled].sort((a, b) => a - b).map((m) => this.groups[m].name);
    const [issue] = validateHousehold({ members: names });
    return {
      row,
      id: id || String(row - 1),
      household: null,
      problems: [{ row, column: names[MAX_MEMBERS], reason: { code: issue.code, params: issue.params } }],
      memberGroups: [],
    };
  }

  /** A cell's value or the reason it has none, read once per distinct text of the column. */
  private convert(slot: Slot, text: string): Converted {
    let converted = slot.seen.get(text);
    if (converted === undefined) {
      converted = convertCell(slot.column, text);
      if (slot.seen.size < SEEN_LIMIT) slot.seen.set(text, converted);
    }
    return converted;
  }

  /** A row's household and problems; null for a blank row. */
  row(cells: string[], row: number): ParsedRow | null {
    if (this.groupCount > MAX_MEMBERS) {
      const refused = this.tooMany(cells, row);
      if (refused) return refused;
    }
    const problems: RowProblem[] = [];
    /** Headers of the cells that could not be read. */
    const failed = new Set<string>();
    const household: Record<string, unknown> = {};
    const members: (Record<string, unknown> | undefined)[] = new Array(this.groups.length);
    let id = '';
    let blank = true;
    // A plain loop over the recognised columns, nothing made for an empty cell: this runs for every row of sheets of millions.
    for (let s = 0; s < this.slots.length; s += 1) {
      const slot = this.slots[s];
      const raw = cells[slot.index];
      if (raw === undefined || raw === '') continue;
      const text = raw.trim();
      if (text === '') continue;
      blank = false;
      const field = slot.column.field;
      if (field === 'id') {
        id = text;
        continue;
      }
      const converted = this.convert(slot, text);
      if (!converted.ok) {
        problems.push({ row, column: slot.header, reason: converted.reason });
        failed.add(slot.header);
      }
      if (slot.member < 0) {
        if (converted.ok) household[field] = converted.value;
        continue;
      }
      const member = (members[slot.member] ??= { role: this.groups[slot.member].role });
      if (converted.ok) member[field] = converted.value;
    }
    if (blank && cells.every((c) => c.trim() === '')) return null;
    const present: number[] = [];
    const list: Record<string, unknown>[] = [];
    members.forEach((member, g) => {
      if (!member) return;
      present.push(g);
      list.push(member);
    });
    household.members = list;
    const asOfFailed = failed.has(this.headerOf('asOf'));
    for (const issue of validateHousehold(household, this.asOf)) {
      const path = parseInputPath(issue.field);
      const g = path.member === null ? undefined : this.groups[present[path.member]];
      // A member problem names its column if filled, else the member's group (a missing birth date).
      const slot = g && path.field ? g.slots.get(path.field) : undefined;
      const filled = slot !== undefined && (cells[slot.index] ?? '').trim() !== '';
      const column = g ? (filled ? slot.header : g.name) : this.headerOf(issue.field);
      // Already reported: the cell could not be read, or the date it is checked against could not.
      if (failed.has(column) || (asOfFailed && AS_OF_CODES.has(issue.code))) continue;
      const reason: SheetReason =
        issue.field === 'members' && issue.code === 'members.empty'
          ? { ko: '가구원 생년월일이 하나도 없습니다', en: 'no member has a birth date' }
          : { code: issue.code, params: issue.params };
      problems.push({ row, column, reason });
    }
    return {
      row,
      id: id || String(row - 1),
      household: problems.length === 0 ? (household as unknown as Household) : null,
      problems,
      memberGroups: present.map((g) => this.groups[g].name),
    };
  }
}

/** Parses a whole CSV text (a leading BOM is ignored) into households and per-row problems. */
export function parseBatchCsv(text: string, asOf?: string): ParsedSheet {
  const { records, errors } = readRecords(text.replace(/^\uFEFF/, ''));
  const sheet = new SheetColumns(records[0] ?? [], asOf);
  const problems = [...errors.map((e) => ({ row: e.record + 1, column: '', reason: e.reason })), ...sheet.problems];
  if (sheet.refused) return { rows: [], problems, refused: true };
  const rows = records.slice(1).flatMap((cells, i) => sheet.row(cells, i + 2) ?? []);
  return { rows, problems, refused: false };
}
