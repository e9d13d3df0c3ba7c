/**
 * The hand-off code: a household (input model v1, no evaluation date, no name — the model has
 * none) as text short enough for a QR code a phone shows and a 동주민센터 camera reads.
 *
 *   SBC1.<base64url of the deflate-raw compressed JSON>
 *
 * "SBC1" names this format and its version: a reader refuses any other prefix (not ours) or
 * version (made by a newer app), damaged data, data that inflates past MAX_JSON_BYTES, and a
 * household the engine refuses, each with its own reason. Compression is the browser's own
 * CompressionStream; nothing is sent anywhere.
 */
import { validateHousehold, type Household, type ValidationIssue } from '../engine';

const PREFIX = 'SBC';
export const VERSION = 1;
/** No real household comes near this; a larger inflated payload is refused as damaged. */
export const MAX_JSON_BYTES = 64 * 1024;
/** Nor this as a code (a QR code holds under 3 KB). */
const MAX_CODE_CHARS = 8 * 1024;

export type DecodeProblem = 'empty' | 'notOurs' | 'version' | 'damaged' | 'invalid';

export type Decoded =
  { ok: true; household: Household } | { ok: false; problem: DecodeProblem; version?: string; issues?: ValidationIssue[] };

const HEADER = new RegExp(`^${PREFIX}(\\d+)\\.`);
const BODY = /^[A-Za-z0-9_-]+$/;

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // The writer's promises reject when the data is damaged; the reader below reports it.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The code for a household; its evaluation date stays behind (the reader checks it on their own day). */
export async function encodeHousehold(household: Household): Promise<string> {
  const { asOf: _asOf, ...rest } = household;
  const json = new TextEncoder().encode(JSON.stringify(rest));
  const packed = await pipe(json, new CompressionStream('deflate-raw'), Infinity);
  return `${PREFIX}${VERSION}.${toBase64Url(packed)}`;
}

/**
 * The household in a code, checked as any input is (on `asOf`, the reader's today), or why not.
 * Spaces and line breaks a paste or a scanner adds are ignored.
 */
export async function decodeHousehold(text: string, asOf: string): Promise<Decoded> {
  const code = text.replace(/\s+/g, '');
  if (code === '') return { ok: false, problem: 'empty' };
  const header = HEADER.exec(code);
  if (!header) return { ok: false, problem: 'notOurs' };
  if (Number(header[1]) !== VERSION) return { ok: false, problem: 'version', version: header[1] };
  const body = code.slice(header[0].length);
  if (code.length > MAX_CODE_CHARS || !BODY.test(body)) return { ok: false, problem: 'damaged' };
  let data: unknown;
  try {
    const json = await pipe(fromBase64Url(body), new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || 'asOf' in data) return { ok: false, problem: 'damaged' };
  const issues = validateHousehold(data, asOf);
  return issues.length > 0 ? { ok: false, problem: 'invalid', issues } : { ok: true, household: data as Household };
}
