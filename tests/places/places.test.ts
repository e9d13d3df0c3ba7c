/**
 * The places file: all 17 시·도 once each, every portal an https address, every name a person
 * might write read as one 시·도 only; the batch CSV takes 시·도 names for 거주지.
 */
import { describe, expect, it } from 'vitest';
import { parseBatchCsv } from '../../src/lib/batch';
import { LOCALES } from '../../src/lib/languages';
import { NATIONAL_PORTALS, OTHER_PROVINCES, PROVINCES, provinceNamed, residenceNamed } from '../../src/lib/places';

describe('places', () => {
  it('lists the 17 시·도 once each, with https portals, and the national portals', () => {
    expect(PROVINCES).toHaveLength(17);
    expect(new Set(PROVINCES.map((p) => p.id)).size).toBe(17);
    expect(OTHER_PROVINCES.map((p) => p.id)).not.toContain('seoul');
    for (const p of [...PROVINCES.map((p) => p.portal), ...NATIONAL_PORTALS.map((p) => p.url)]) expect(new URL(p).protocol).toBe('https:');
    for (const p of NATIONAL_PORTALS) for (const lang of LOCALES) expect(p.names[lang], p.id).toBeTruthy();
    expect(NATIONAL_PORTALS.map((p) => p.names.ko)).toEqual(['복지로', expect.stringContaining('정부24')]);
  });

  it('reads the names people write, each as one 시·도 only', () => {
    const names = PROVINCES.flatMap((p) => p.aliases);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PROVINCES) for (const alias of p.aliases) expect(provinceNamed(alias)?.id).toBe(p.id);
    expect(provinceNamed('경기')?.id).toBe('gyeonggi');
    expect(provinceNamed(' 경기 도 ')?.id).toBe('gyeonggi');
    expect(provinceNamed('Busan')?.id).toBe('busan');
    expect(provinceNamed('전라북도')?.id).toBe('jeonbuk');
    expect(residenceNamed('서울특별시')).toBe('seoul');
    expect(residenceNamed('부산')).toBe('other');
    expect(residenceNamed('미국')).toBeNull();
    expect(residenceNamed('')).toBeNull();
  });

  it('takes a 시·도 name for 거주지 in the batch CSV', () => {
    const sheet = parseBatchCsv(
      ['가구ID,거주지,성인1 생년월일', 'H1,경기도,1990-01-01', 'H2,서울특별시,1990-01-01', 'H3,부산,1990-01-01'].join('\r\n'),
    );
    expect(sheet.rows.map((r) => [r.problems, r.household?.residence])).toEqual([
      [[], 'other'],
      [[], 'seoul'],
      [[], 'other'],
    ]);
  });
});
