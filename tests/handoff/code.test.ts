/**
 * The hand-off code: every sample household survives encode → QR symbol (the SVG path's pixels) →
 * `qr`'s decoder → decode unchanged, but for its evaluation date; anything else is refused with
 * its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import decodeQR from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import type { Household } from '../../src/lib/engine';
import { decodeHousehold, encodeHousehold, MAX_JSON_BYTES, VERSION } from '../../src/lib/handoff/code';
import { modulePath, qrModules } from '../../src/lib/handoff/qr';

const dir = 'tests/fixtures/households';
const fixtures = readdirSync(dir).map((f) => [f, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Household] as const);
const today = '2024-10-15';
const withoutAsOf = ({ asOf: _asOf, ...rest }: Household) => rest;
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const codeOf = (json: string) => `SBC${VERSION}.${base64url(deflateRawSync(Buffer.from(json)))}`;

/** The SVG path's rectangles painted black on white, 4 pixels a module: what a camera would see. */
function rasterize(d: string, extent: number, scale = 4) {
  const width = extent * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return { pixels, width };
}

describe('hand-off code', () => {
  it.each(fixtures)('carries %s through a QR code unchanged, without its evaluation date', async (_name, household) => {
    const code = await encodeHousehold(household);
    expect(code).toMatch(/^SBC1\.[A-Za-z0-9_-]+$/);
    // Small enough for a QR code a phone shows and a camera reads at arm's length.
    expect(code.length).toBeLessThan(700);
    const modules = qrModules(code);
    const { pixels, width } = rasterize(modulePath(modules), modules.length);
    const read = decodeQR({ width, height: width, data: pixels });
    expect(read).toBe(code);
    expect(await decodeHousehold(read!, today)).toEqual({ ok: true, household: withoutAsOf(household) });
  });

  it('holds nothing but the household model (no name, no evaluation date)', async () => {
    const [, household] = fixtures[0];
    const code = await encodeHousehold({ ...household, asOf: '2024-10-15' });
    const json = Buffer.from(
      await new Response(
        new Blob([Buffer.from(code.slice(5), 'base64url')]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
      ).arrayBuffer(),
    ).toString();
    expect(JSON.parse(json)).toEqual(withoutAsOf(household));
  });

  it('ignores spaces and line breaks a paste or a scanner adds', async () => {
    const code = await encodeHousehold(fixtures[0][1]);
    const spaced = ` ${code.slice(0, 10)}\n${code.slice(10, 30)} \r\n${code.slice(30)}\t`;
    expect((await decodeHousehold(spaced, today)).ok).toBe(true);
  });

  it('refuses what is not a code of ours', async () => {
    for (const text of ['hello', 'https://example.org/?SBC1.abc', 'HC1:NCFOXN%TS3DH', 'sbc1.abc', 'SBC.abc', '{"members":[]}']) {
      expect(await decodeHousehold(text, today), text).toEqual({ ok: false, problem: 'notOurs' });
    }
    expect(await decodeHousehold('  \n', today)).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses a version it cannot read, naming it', async () => {
    const current = await encodeHousehold(fixtures[0][1]);
    expect(await decodeHousehold(current.replace('SBC1.', 'SBC2.'), today)).toEqual({ ok: false, problem: 'version', version: '2' });
    expect(await decodeHousehold('SBC0.abc', today)).toEqual({ ok: false, problem: 'version', version: '0' });
  });

  it('refuses damaged codes: cut short, mistyped, not deflate, not JSON, not a household object, too large', async () => {
    const code = await encodeHousehold(fixtures[0][1]);
    const damaged = [
      code.slice(0, code.length - 12),
      `${code.slice(0, 20)}!${code.slice(21)}`,
      'SBC1.',
      `SBC1.${base64url(Buffer.from('not deflate at all'))}`,
      codeOf('{"members": ['),
      codeOf('[1,2,3]'),
      codeOf('"text"'),
      codeOf(JSON.stringify({ ...fixtures[0][1], asOf: '2024-10-15' })),
      // A small code that inflates past the limit (a zip bomb) is stopped while inflating.
      codeOf(`{"members":[],"x":"${'a'.repeat(MAX_JSON_BYTES)}"}`),
      `SBC1.${'A'.repeat(9000)}`,
    ];
    for (const text of damaged) expect(await decodeHousehold(text, today), text.slice(0, 40)).toEqual({ ok: false, problem: 'damaged' });
  });

  it('refuses a household the engine refuses, with each field and reason', async () => {
    const result = await decodeHousehold(
      codeOf(JSON.stringify({ residence: 'mars', members: [{ role: 'child', birthDate: '2030-01-01' }], name: '홍길동' })),
      today,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe('invalid');
    expect(result.issues!.map((i) => [i.field, i.code])).toEqual(
      expect.arrayContaining([
        ['residence', 'type.enum'],
        ['name', 'unknownField'],
        ['members[0].birthDate', 'date.future'],
      ]),
    );
  });
});
