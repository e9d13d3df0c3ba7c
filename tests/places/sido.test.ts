import { describe, expect, it } from 'vitest';
import { SIDO, sidoByName, sidoNames } from '../../src/lib/places';

describe('시·도', () => {
  it('lists the 17 시·도 once each, with distinct names', () => {
    expect(SIDO).toHaveLength(17);
    expect(new Set(SIDO.map((s) => s.id)).size).toBe(17);
    const names = SIDO.flatMap(sidoNames);
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds a 시·도 by official, short, former and English name, ignoring spaces, dots, hyphens and case', () => {
    expect(sidoByName('서울특별시')?.id).toBe('seoul');
    expect(sidoByName(' 서울 ')?.id).toBe('seoul');
    expect(sidoByName('경기')?.ko).toBe('경기도');
    expect(sidoByName('강원도')?.ko).toBe('강원특별자치도');
    expect(sidoByName('전라북도')?.ko).toBe('전북특별자치도');
    expect(sidoByName('JEJU-DO')?.id).toBe('jeju');
    expect(sidoByName('강남구')).toBeNull();
    expect(sidoByName('')).toBeNull();
  });
});
