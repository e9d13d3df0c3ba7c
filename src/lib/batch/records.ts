/**
 * CSV text to records, a chunk at a time, with papaparse: the delimiter and line break are guessed
 * from the first chunk by Papa.parse, as for a whole file; then papaparse's own Parser reads each
 * chunk up to its last complete record, the way its streamers do (Papa.parse's file streamer reads
 * each slice of a file as text on its own, which would split a character between slices and could
 * not read CP949, hence the text comes from CsvDecoder instead). Record 0 is the header.
 */
import Papa from 'papaparse';
import type { SheetText } from './reasons';
import { CsvDecoder } from './decode';

export interface RecordBatch {
  /** Index of the first record (0: the header). */
  first: number;
  records: string[][];
  /** CSV syntax problems, with the index of their record. */
  errors: { record: number; reason: SheetText }[];
}

/** No household row comes near this: a longer one is an unclosed quote swallowing the file. */
const MAX_RECORD_CHARS = 1 << 20;

/** The delimiter and line break are guessed from this much of the file's start (or all of a smaller file). */
const GUESS_CHARS = 64 * 1024;
const GUESS_LINES = 20;

const lineBreaks = (text: string) => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && n < GUESS_LINES; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
};

/** A Parser for the file that starts with `text`: papaparse's guess over its complete lines, blank ones aside (as a trailing line break would skew it). */
function guessParser(text: string): Papa.Parser {
  const lines = text.lastIndexOf('\n');
  const meta = Papa.parse(lines > 0 ? text.slice(0, lines + 1) : text, { preview: GUESS_LINES, skipEmptyLines: 'greedy' }).meta;
  return new Papa.Parser({ delimiter: meta.delimiter, newline: meta.linebreak as Papa.ParseConfig['newline'] });
}

export class CsvRecords {
  private parser: Papa.Parser | null = null;
  private pending = '';
  private next = 0;

  /** The records completed by this chunk of text. */
  push(text: string): RecordBatch {
    this.pending += text;
    if (!this.parser) {
      if (this.pending.length < GUESS_CHARS && lineBreaks(this.pending) < GUESS_LINES) return this.batch([], []);
      this.parser = guessParser(this.pending);
    }
    return this.parse(false);
  }

  /** The records left: those not yet read for want of text to guess from, and a last one without a line break. */
  end(): RecordBatch {
    if (this.pending === '') return this.batch([], []);
    this.parser ??= guessParser(this.pending);
    const complete = this.parse(false);
    if (this.pending === '') return complete;
    const last = this.parse(true);
    return { first: complete.first, records: [...complete.records, ...last.records], errors: [...complete.errors, ...last.errors] };
  }

  private parse(final: boolean): RecordBatch {
    const read = (text: string, whole: boolean) => this.parser!.parse(text, 0, !whole) as Papa.ParseResult<string[]>;
    const result = read(this.pending, final);
    const records = result.data;
    const errors = result.errors.map((e) => ({ row: e.row ?? 0, message: e.message }));
    this.pending = final ? '' : this.pending.slice(result.meta.cursor);
    if (this.pending.length >= MAX_RECORD_CHARS) {
      // An unclosed quote: take what there is as one record (papaparse reports the quote) and read on.
      const forced = read(this.pending, true);
      errors.push(...forced.errors.map((e) => ({ row: records.length + (e.row ?? 0), message: e.message })));
      records.push(...forced.data);
      this.pending = '';
    }
    return this.batch(
      records,
      errors.map((e) => ({ record: this.next + e.row, reason: { ko: `CSV 형식 오류: ${e.message}`, en: `CSV syntax: ${e.message}` } })),
    );
  }

  private batch(records: string[][], errors: RecordBatch['errors']): RecordBatch {
    const first = this.next;
    this.next += records.length;
    return { first, records, errors };
  }
}

/** Records of a whole text. */
export function readRecords(text: string): RecordBatch {
  const reader = new CsvRecords();
  const a = reader.push(text);
  const b = reader.end();
  return { first: 0, records: [...a.records, ...b.records], errors: [...a.errors, ...b.errors] };
}

/** Records of a stream of bytes (CP949 or UTF-8), in batches as the chunks arrive; `onEncoding` hears of a lossy read. */
export async function* recordsOf(chunks: AsyncIterable<Uint8Array>, decoder = new CsvDecoder()): AsyncGenerator<RecordBatch> {
  const reader = new CsvRecords();
  for await (const chunk of chunks) {
    const batch = reader.push(decoder.write(chunk));
    if (batch.records.length > 0 || batch.errors.length > 0) yield batch;
  }
  const last = reader.push(decoder.end());
  const rest = reader.end();
  yield { first: last.first, records: [...last.records, ...rest.records], errors: [...last.errors, ...rest.errors] };
}
