/**
 * Where a household registered outside Seoul looks for its own benefits: the national portals and
 * each 시·도's portal (rules/places/provinces.json, the one source), and the 시·도 names people write
 * for where they live (경기, 경기도, 부산광역시, Busan…) read as the input model's residence.
 */
import data from '../../../rules/places/provinces.json';
import type { Text } from '../engine';

export interface Portal {
  id: string;
  names: Text;
  url: string;
  what: Text;
}

export interface Province {
  id: string;
  names: Text;
  aliases: string[];
  portal: string;
}

export const NATIONAL_PORTALS: Portal[] = data.national;
export const PROVINCES: Province[] = data.provinces;

const SEOUL = 'seoul';
/** Spaces, dots and hyphens do not tell names apart ("서울 특별시", "Gyeonggi-do"); case neither. */
const key = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\s.\-·]/g, '')
    .toLowerCase();

/** Every name a 시·도 is written by (Korean and English), for lists of accepted values. */
export const provinceNames = (p: Province): string[] => [...new Set([p.names.ko, p.names.en, ...p.aliases])];

const byName = new Map(PROVINCES.flatMap((p) => [...provinceNames(p), p.id].map((name) => [key(name), p] as const)));

/** The 시·도 a written name means, or null. */
export const provinceNamed = (text: string): Province | null => byName.get(key(text)) ?? null;

/** The input model's residence for a written 시·도 name (seoul or other), or null when it names none. */
export function residenceNamed(text: string): 'seoul' | 'other' | null {
  const province = provinceNamed(text);
  return province ? (province.id === SEOUL ? 'seoul' : 'other') : null;
}

/** The 시·도 other than Seoul, for a household registered elsewhere to pick its own. */
export const OTHER_PROVINCES: Province[] = PROVINCES.filter((p) => p.id !== SEOUL);
