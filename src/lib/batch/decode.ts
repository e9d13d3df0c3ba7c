/**
 * CSV bytes to text, a chunk at a time. The template is UTF-8 with a BOM, but Korean Excel's plain
 * "CSV" saves in CP949 (EUC-KR): the encoding is decided at the first chunk that holds a non-ASCII
 * byte — UTF-8 if it starts with a BOM or is valid UTF-8, else EUC-KR (the WHATWG "euc-kr" decoder
 * reads CP949). Before that chunk both read alike. A file that turns out not to be valid UTF-8 later
 * on is read on with replacement characters and says so (`lossy`), rather than switching mid-file.
 */

/** What to tell staff when `lossy`, at the row being read when it was noticed (chunks hold many rows: about there). */
export const LOSSY_REASON = {
  ko: '파일에 UTF-8로 읽을 수 없는 바이트가 있어 �로 바꿔 읽었습니다 (이 행 즈음부터). 파일을 UTF-8 또는 CP949(엑셀의 CSV)로 다시 저장해 주세요',
  en: 'some bytes are not valid UTF-8 and were read as � (from about this row). Save the file again as UTF-8 or CP949 (Excel CSV)',
};

export type CsvEncoding = 'utf-8' | 'euc-kr';

const hasNonAscii = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);
const startsWithBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** Whether the bytes are valid UTF-8, allowing a character cut off at the end. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export class CsvDecoder {
  private decoder: TextDecoder | null = null;
  private readonly ascii = new TextDecoder('utf-8');
  private first = true;
  /** The encoding read, once a non-ASCII byte has been seen (null before: plain ASCII so far). */
  encoding: CsvEncoding | null = null;
  /** Some bytes were not valid in the encoding and were replaced with U+FFFD. */
  lossy = false;

  /** The text of the next chunk of bytes (a character split between chunks comes with the next one). */
  write(bytes: Uint8Array): string {
    const first = this.first;
    this.first = false;
    if (this.decoder) return this.decode(bytes, true);
    if (!hasNonAscii(bytes)) return this.ascii.decode(bytes);
    return this.choose(first && startsWithBom(bytes) ? 'utf-8' : isUtf8(bytes) ? 'utf-8' : 'euc-kr', bytes);
  }

  /** Whatever the last chunk left unfinished. */
  end(): string {
    return this.decoder ? this.decode(new Uint8Array(0), false) : '';
  }

  private choose(encoding: CsvEncoding, bytes: Uint8Array): string {
    this.encoding = encoding;
    this.decoder = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : new TextDecoder('euc-kr');
    return this.decode(bytes, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder!.decode(bytes, { stream });
    } catch {
      // Valid UTF-8 so far, then not: go on with replacement characters from this chunk.
      this.lossy = true;
      this.decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      return this.decoder.decode(bytes, { stream });
    }
  }
}
