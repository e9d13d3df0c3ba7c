import { describe, expect, it } from 'vitest';
import { convertCell, parseNumber } from '../../src/lib/batch/cells';
import { columnFor } from '../../src/lib/batch/columns';
import { PROVINCES, provinceNames } from '../../src/lib/places';

const cell = (header: string, text: string) => convertCell(columnFor(header)!, text);

describe('numbers in a cell', () => {
  it.each([
    ['4200000', 4_200_000],
    ['4,200,000', 4_200_000],
    [' 4,200,000원 ', 4_200_000],
    ['420만', 4_200_000],
    ['420만원', 4_200_000],
    ['420 만원', 4_200_000],
    ['1.15만', 11_500],
    ['42.5만원', 425_000],
    ['0', 0],
    ['-5', -5],
  ])('reads the income %j as %d', (text, value) => {
    expect(cell('월소득인정액', text)).toEqual({ ok: true, value });
  });

  it.each(['0x10', '0b11', '0o7', '12%', '1e5', '', '원', '만원', '4,20,000', '4.200.000', '4 200 000', 'Infinity', '1,000.5.5', '٣'])(
    'refuses the income %j with the reason',
    (text) => {
      const converted = cell('월소득인정액', text);
      expect(converted).toEqual({ ok: false, reason: expect.objectContaining({ ko: expect.stringContaining('420만원') }) });
    },
  );

  it('asks for the unit of a bare small income, as the app does (400 may mean 400만원)', () => {
    const bare = cell('월소득인정액', '400');
    expect(bare).toEqual({
      ok: false,
      reason: expect.objectContaining({ ko: '단위를 적어 주세요: 4,000,000원이면 "400만", 400원이면 "400원" ("400")' }),
    });
    expect(cell('월소득인정액', '400만')).toEqual({ ok: true, value: 4_000_000 });
    expect(cell('월소득인정액', '400원')).toEqual({ ok: true, value: 400 });
    expect(cell('월소득인정액', '0')).toEqual({ ok: true, value: 0 });
    expect(cell('월소득인정액', '150,000')).toEqual({ ok: true, value: 150_000 });
  });

  it('reads every sum of money the field spec writes in won with 원 and 만, as the app does (deposit, rent)', () => {
    expect(cell('임대보증금', '35000만')).toEqual({ ok: true, value: 350_000_000 });
    expect(cell('월세액', '120만원')).toEqual({ ok: true, value: 1_200_000 });
    expect(cell('월세액', '1,200,000원')).toEqual({ ok: true, value: 1_200_000 });
    expect(cell('가구원수', '3만').ok).toBe(false);
  });

  it('reads a percentage with or without %, and no 만 there', () => {
    expect(cell('중위소득비율(%)', '55%')).toEqual({ ok: true, value: 55 });
    expect(cell('중위소득비율(%)', '55.5')).toEqual({ ok: true, value: 55.5 });
    expect(cell('중위소득비율(%)', '55만').ok).toBe(false);
  });

  it('reads other numbers as plain decimals only', () => {
    expect(cell('가구원수', '3')).toEqual({ ok: true, value: 3 });
    expect(cell('가구원수', '3명').ok).toBe(false);
    expect(cell('성인1 보호기간(년)', '2.5')).toEqual({ ok: true, value: 2.5 });
    expect(cell('성인1 보호기간(년)', '12%').ok).toBe(false);
    expect(parseNumber('1,234,567.25', 'plain')).toBe(1_234_567.25);
  });
});

describe('거주지 by 시·도 name', () => {
  it.each(['서울', '서울시', '서울특별시', '서울 특별시', 'Seoul', 'seoul'])('reads %j as Seoul', (text) => {
    expect(cell('거주지', text)).toEqual({ ok: true, value: 'seoul' });
  });

  it.each([
    '경기',
    '경기도',
    '부산',
    '부산광역시',
    '제주특별자치도',
    '제주도',
    '강원도',
    '전라북도',
    '전북특별자치도',
    '세종시',
    'Gyeonggi-do',
    '기타',
    '서울외',
    '타시도',
    'other',
  ])('reads %j as another 시·도', (text) => {
    expect(cell('거주지', text)).toEqual({ ok: true, value: 'other' });
  });

  it('reads every name of every 시·도', () => {
    for (const province of PROVINCES) {
      for (const name of provinceNames(province))
        expect(cell('거주지', name), name).toEqual({ ok: true, value: province.id === 'seoul' ? 'seoul' : 'other' });
    }
  });

  it('refuses a place that is not a 시·도, saying how to write it', () => {
    const converted = cell('거주지', '강남구');
    expect(converted.ok).toBe(false);
    expect(!converted.ok && converted.reason.ko).toMatch(/^다음 중 하나로 적어 주세요: 서울.*시·도 이름.*\("강남구"\)$/);
  });
});
