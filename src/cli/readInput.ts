/**
 * Limits on what the CLI holds in memory at once: a household (`evaluate FILE`) is read whole, an
 * `--ndjson` line likewise. An endless or huge one (`evaluate /dev/zero`) would exhaust memory and
 * abort Node; a real household is far below the limit. Everything else streams.
 */
export const INPUT_LIMIT_BYTES = 20 * 1024 * 1024;

const mb = (limit: number) => `${limit / (1024 * 1024)} MB`;

/** The chunks as they come, failing once they add up to more than `limit` bytes. */
export async function* limitedInput(chunks: AsyncIterable<Uint8Array>, limit: number = INPUT_LIMIT_BYTES): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > limit) throw new Error(`larger than ${mb(limit)}; split it into smaller files`);
    yield chunk;
  }
}

/** The chunks as they come, failing once a line runs to more than `limit` bytes without a line break. */
export async function* limitedLines(chunks: AsyncIterable<Uint8Array>, limit: number = INPUT_LIMIT_BYTES): AsyncGenerator<Uint8Array> {
  let line = 0;
  for await (const chunk of chunks) {
    const firstBreak = chunk.indexOf(10);
    const longest = firstBreak === -1 ? line + chunk.length : line + firstBreak;
    if (longest > limit) throw new Error(`a line is larger than ${mb(limit)}; write one household per line`);
    line = firstBreak === -1 ? longest : chunk.length - chunk.lastIndexOf(10) - 1;
    yield chunk;
  }
}
