/** Text to CP949 bytes, as Korean Excel saves "CSV", for tests: the table is read back from the platform's euc-kr decoder. */
let table: Map<string, [number, number]> | null = null;

function cp949Table(): Map<string, [number, number]> {
  const decoder = new TextDecoder('euc-kr');
  const map = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x41; trail <= 0xfe; trail += 1) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !map.has(char)) map.set(char, [lead, trail]);
    }
  }
  return map;
}

export function encodeCp949(text: string): Uint8Array<ArrayBuffer> {
  table ??= cp949Table();
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no CP949 for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
