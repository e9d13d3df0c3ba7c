/**
 * Reads the CLI's input (a file, or standard input for "-") up to a size limit. Reading a whole
 * endless or huge input first (`evaluate /dev/zero`) would exhaust memory and abort Node; a real
 * input is a household or a sheet of them, far below the limit.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export const INPUT_LIMIT_BYTES = 20 * 1024 * 1024;

const CHUNK = 64 * 1024;

/** Standard input may be a non-blocking pipe: wait a little for more, without spinning. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function readInput(file: string, limit: number = INPUT_LIMIT_BYTES): string {
  const fd = file === '-' ? 0 : openSync(file, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(CHUNK);
  const parts: string[] = [];
  let total = 0;
  try {
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, CHUNK, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        pause(10);
        continue;
      }
      if (read === 0) break;
      total += read;
      if (total > limit) throw new Error(`larger than ${limit / (1024 * 1024)} MB; split it into smaller files`);
      parts.push(decoder.write(buffer.subarray(0, read)));
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  parts.push(decoder.end());
  return parts.join('');
}
