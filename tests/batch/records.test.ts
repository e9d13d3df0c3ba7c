import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvDecoder } from '../../src/lib/batch/decode';
import { CsvRecords, recordsOf } from '../../src/lib/batch/records';
import { runs } from '../fuzz';
import { encodeCp949 } from './cp949';

const SHEET = '가구ID,거주지,성인1 생년월일\r\nH1,서울,1990-01-01\r\n"H,2","서울\r\n특별시",1990-01-02\r\n\r\n"say ""hi""",기타,\r\n';

/** Feeds `text` in pieces cut at `cuts` and gathers the records. */
function readInPieces(text: string, cuts: number[]): string[][] {
  const reader = new CsvRecords();
  const records: string[][] = [];
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    records.push(...reader.push(text.slice(at, cut)).records);
    at = cut;
  }
  records.push(...reader.push(text.slice(at)).records, ...reader.end().records);
  return records;
}

async function* pieces(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function allRecords(bytes: Uint8Array, size: number) {
  const decoder = new CsvDecoder();
  const records: string[][] = [];
  const firsts: number[] = [];
  for await (const batch of recordsOf(pieces(bytes, size), decoder)) {
    firsts.push(batch.first);
    records.push(...batch.records);
  }
  return { records, firsts, decoder };
}

/** Papa.parse's records of a whole text, less the empty one it reads after a final line break. */
const wholeRecords = (text: string) => Papa.parse<string[]>(text.replace(/\r\n$/, '')).data;

describe('CSV records a chunk at a time', () => {
  it('reads the same records as papaparse reads the whole text, wherever the text is cut', () => {
    const whole = wholeRecords(SHEET);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: SHEET.length }), { maxLength: 6 }), (cuts) => {
        expect(readInPieces(SHEET, cuts)).toEqual(whole);
      }),
      { numRuns: runs(500) },
    );
  });

  it('numbers the batches by record, blank records counted, as a spreadsheet numbers rows', async () => {
    const { records, firsts } = await allRecords(new TextEncoder().encode(SHEET), 7);
    expect(records.map((r) => r[0])).toEqual(['가구ID', 'H1', 'H,2', '', 'say "hi"']);
    expect(firsts.every((f, i) => i === 0 || f >= firsts[i - 1])).toBe(true);
  });

  it('reads a last line without a line break, and a file that is only a header', () => {
    expect(readInPieces('a,b\r\n1,2', [3])).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(readInPieces('a,b', [])).toEqual([['a', 'b']]);
    expect(readInPieces('', [])).toEqual([]);
  });

  it('guesses the delimiter as papaparse does (a tab-separated file)', () => {
    expect(readInPieces('가구ID\t거주지\nH1\t서울\n', [5])).toEqual([
      ['가구ID', '거주지'],
      ['H1', '서울'],
    ]);
  });

  it('stops an unclosed quote from swallowing the whole file into memory, reporting it', () => {
    const reader = new CsvRecords();
    reader.push('a,b\n"open,');
    let errors = 0;
    let records = 0;
    for (let i = 0; i < 40; i += 1) {
      const batch = reader.push(`${'x'.repeat(64 * 1024)}\n`);
      errors += batch.errors.length;
      records += batch.records.length;
    }
    expect(errors).toBeGreaterThan(0);
    expect(records).toBeGreaterThan(0);
  });
});

describe('decoding CSV bytes a chunk at a time', () => {
  const text = SHEET.repeat(3);

  it("reads UTF-8 with or without a BOM, and falls back to EUC-KR (Korean Excel's plain CSV)", () => {
    const decode = (bytes: Uint8Array) => {
      const decoder = new CsvDecoder();
      return decoder.write(bytes) + decoder.end();
    };
    expect(decode(new TextEncoder().encode('\uFEFF가구ID,거주지\r\nH1,서울\r\n'))).toBe('가구ID,거주지\r\nH1,서울\r\n');
    // '가구ID,거주지,성인1 생년월일 / H1,서울,1990-01-01' as CP949 bytes (as Korean Excel writes them).
    const eucKr = new Uint8Array([
      176, 161, 177, 184, 73, 68, 44, 176, 197, 193, 214, 193, 246, 44, 188, 186, 192, 206, 49, 32, 187, 253, 179, 226, 191, 249, 192, 207,
      13, 10, 72, 49, 44, 188, 173, 191, 239, 44, 49, 57, 57, 48, 45, 48, 49, 45, 48, 49, 13, 10,
    ]);
    expect(decode(eucKr)).toBe('가구ID,거주지,성인1 생년월일\r\nH1,서울,1990-01-01\r\n');
    expect(encodeCp949('가구ID,거주지,성인1 생년월일\r\nH1,서울,1990-01-01\r\n')).toEqual(eucKr);
  });

  it.each([1, 2, 3, 5, 64])('reads CP949 and UTF-8 alike in chunks of %i bytes, characters split between them', async (size) => {
    for (const bytes of [encodeCp949(text), new TextEncoder().encode(`\uFEFF${text}`), new TextEncoder().encode(text)]) {
      const { records, decoder } = await allRecords(bytes, size);
      expect(records).toEqual(wholeRecords(text));
      expect(decoder.lossy).toBe(false);
    }
  });

  it('decides at the first non-ASCII chunk: an English header, then CP949 rows', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,residence\r\nH1,other\r\n'), ...encodeCp949('H2,서울\r\n')]);
    const { records, decoder } = await allRecords(bytes, 4);
    expect(records.at(-1)).toEqual(['H2', '서울']);
    expect(decoder.encoding).toBe('euc-kr');
  });

  it('reads on past bytes that are not UTF-8 in a UTF-8 file, saying so', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('가구ID,거주지\r\nH1,서울\r\n'), ...encodeCp949('H2,서울\r\n')]);
    const { records, decoder } = await allRecords(bytes, 8);
    expect(records).toHaveLength(3);
    expect(records[2][1]).toContain('\uFFFD');
    expect([decoder.encoding, decoder.lossy]).toEqual(['utf-8', true]);
  });
});
