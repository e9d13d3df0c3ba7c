/** A CSV file as a stream of byte chunks, wherever it comes from (a chosen File, bytes, text in tests). */
export type CsvSource = Blob | Uint8Array | ArrayBuffer | string;

/** Slices of bytes held in memory are handed over at this size, as a file stream would. */
const CHUNK = 64 * 1024;

export async function* chunksOf(source: CsvSource): AsyncGenerator<Uint8Array> {
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    const reader = source.stream().getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      // Stopped early (a shard has its rows): let the browser stop reading the file.
      await reader.cancel();
    }
  }
  const bytes =
    typeof source === 'string'
      ? new TextEncoder().encode(source)
      : source instanceof Uint8Array
        ? source
        : new Uint8Array(source as ArrayBuffer);
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}

/** Lines of the file (LF count, plus an unterminated last line): a fast estimate of its records, for sharing out rows. */
export async function countLines(source: CsvSource): Promise<number> {
  let lines = 0;
  let last = 10;
  for await (const chunk of chunksOf(source)) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1];
  }
  return last === 10 ? lines : lines + 1;
}
