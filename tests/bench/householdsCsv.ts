/**
 * Generated households (realisticHousehold) as the batch-screening CSV staff would upload: the
 * template's columns (two adults, three children), Korean headers, UTF-8 with BOM. Written line by
 * line, so a million rows never sit in memory at once.
 *   tsx tests/bench/householdsCsv.ts ROWS OUT.csv
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { templateColumns } from '../../src/lib/batch';
import { numberUnits } from '../../src/lib/batch/columns';
import type { Household } from '../../src/lib/engine';
import { realisticHousehold } from './households';

const columns = templateColumns();
const BOM = '\uFEFF';

const cell = (value: unknown): string => (value === undefined ? '' : value === true ? '예' : value === false ? '아니오' : String(value));

/** One household as a CSV row in the template's column order. */
export function householdCells(household: Household, id: string): string[] {
  const values: Record<string, unknown> = { id };
  for (const [field, value] of Object.entries(household)) if (field !== 'members') values[field] = value;
  const seen = { adult: 0, child: 0 };
  for (const member of household.members) {
    const group = `${member.role}${++seen[member.role]}`;
    for (const [field, value] of Object.entries(member)) if (field !== 'role') values[`${group}.${field}`] = value;
  }
  // Sums of money carry their unit, as a small bare income would be refused as ambiguous (400 = 400만?).
  return columns.map((c) =>
    numberUnits[c.field] === 'won' && values[c.key] !== undefined ? `${cell(values[c.key])}원` : cell(values[c.key]),
  );
}

/** `count` generated households as one CSV text (small counts: the browser bench hands it over whole). */
export function householdsCsv(count: number, seed = 20241015): string {
  const rows = Array.from({ length: count }, (_, i) => householdCells(realisticHousehold(seed + i * 7919), `B${i + 1}`));
  return BOM + Papa.unparse({ fields: columns.map((c) => c.header), data: rows }, { newline: '\r\n' }) + '\r\n';
}

/** Writes `count` generated households to `path`, a thousand rows at a time. */
export async function writeHouseholdsCsv(path: string, count: number, seed = 20241015): Promise<void> {
  const out = createWriteStream(path);
  out.write(BOM + Papa.unparse([columns.map((c) => c.header)], { newline: '\r\n' }) + '\r\n');
  for (let start = 0; start < count; start += 1000) {
    const rows: string[][] = [];
    for (let i = start; i < Math.min(count, start + 1000); i += 1)
      rows.push(householdCells(realisticHousehold(seed + i * 7919), `B${i + 1}`));
    if (!out.write(Papa.unparse(rows, { newline: '\r\n' }) + '\r\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [rows, path] = process.argv.slice(2);
  if (!rows || !path) throw new Error('usage: tsx tests/bench/householdsCsv.ts ROWS OUT.csv');
  await writeHouseholdsCsv(path, Number(rows));
}
