/**
 * CSV bytes to text. The template is UTF-8 with a BOM, but Korean Excel's plain "CSV" saves in
 * CP949 (EUC-KR), so a file that is not valid UTF-8 is read as EUC-KR instead of turning into
 * replacement characters.
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('euc-kr').decode(bytes);
  }
}
