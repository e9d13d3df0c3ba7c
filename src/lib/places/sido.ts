/**
 * Korea's 17 시·도 (first-level administrative divisions) and the names people write them by: the
 * official name, the short name, "…시" / "…도" forms, names in use before a renaming, and English.
 * Sources: 행정안전부 「지방자치단체 행정구역 및 인구 현황」 (2024); 강원특별자치도 설치 등에 관한
 * 특별법 (in force 2023-06-11, formerly 강원도); 전북특별자치도 설치 등에 관한 특별법 (in force
 * 2024-01-18, formerly 전라북도).
 */
export interface Sido {
  /** Stable id (romanised short name). */
  id: string;
  /** Official name, e.g. 서울특별시. */
  ko: string;
  /** Short name as in addresses and forms, e.g. 서울. */
  short: string;
  /** Other Korean spellings: "…시" forms, former official names. */
  aliases: readonly string[];
  /** English names (Revised Romanization). */
  en: readonly string[];
}

export const SIDO: readonly Sido[] = [
  { id: 'seoul', ko: '서울특별시', short: '서울', aliases: ['서울시'], en: ['Seoul', 'Seoul Special City'] },
  { id: 'busan', ko: '부산광역시', short: '부산', aliases: ['부산시'], en: ['Busan', 'Busan Metropolitan City'] },
  { id: 'daegu', ko: '대구광역시', short: '대구', aliases: ['대구시'], en: ['Daegu', 'Daegu Metropolitan City'] },
  { id: 'incheon', ko: '인천광역시', short: '인천', aliases: ['인천시'], en: ['Incheon', 'Incheon Metropolitan City'] },
  { id: 'gwangju', ko: '광주광역시', short: '광주', aliases: ['광주시'], en: ['Gwangju', 'Gwangju Metropolitan City'] },
  { id: 'daejeon', ko: '대전광역시', short: '대전', aliases: ['대전시'], en: ['Daejeon', 'Daejeon Metropolitan City'] },
  { id: 'ulsan', ko: '울산광역시', short: '울산', aliases: ['울산시'], en: ['Ulsan', 'Ulsan Metropolitan City'] },
  { id: 'sejong', ko: '세종특별자치시', short: '세종', aliases: ['세종시'], en: ['Sejong', 'Sejong Special Self-Governing City'] },
  { id: 'gyeonggi', ko: '경기도', short: '경기', aliases: [], en: ['Gyeonggi', 'Gyeonggi-do', 'Gyeonggi Province'] },
  { id: 'gangwon', ko: '강원특별자치도', short: '강원', aliases: ['강원도'], en: ['Gangwon', 'Gangwon-do', 'Gangwon State'] },
  { id: 'chungbuk', ko: '충청북도', short: '충북', aliases: [], en: ['Chungbuk', 'Chungcheongbuk-do', 'North Chungcheong'] },
  { id: 'chungnam', ko: '충청남도', short: '충남', aliases: [], en: ['Chungnam', 'Chungcheongnam-do', 'South Chungcheong'] },
  {
    id: 'jeonbuk',
    ko: '전북특별자치도',
    short: '전북',
    aliases: ['전라북도'],
    en: ['Jeonbuk', 'Jeollabuk-do', 'North Jeolla', 'Jeonbuk State'],
  },
  { id: 'jeonnam', ko: '전라남도', short: '전남', aliases: [], en: ['Jeonnam', 'Jeollanam-do', 'South Jeolla'] },
  { id: 'gyeongbuk', ko: '경상북도', short: '경북', aliases: [], en: ['Gyeongbuk', 'Gyeongsangbuk-do', 'North Gyeongsang'] },
  { id: 'gyeongnam', ko: '경상남도', short: '경남', aliases: [], en: ['Gyeongnam', 'Gyeongsangnam-do', 'South Gyeongsang'] },
  { id: 'jeju', ko: '제주특별자치도', short: '제주', aliases: ['제주도'], en: ['Jeju', 'Jeju-do', 'Jeju Special Self-Governing Province'] },
];

/** Spaces, dots and hyphens do not tell names apart ("서울 특별시", "Gyeonggi-do"); case neither. */
const normal = (name: string) =>
  name
    .normalize('NFC')
    .replace(/[\s.\-·]/g, '')
    .toLowerCase();

const byName = new Map<string, Sido>(SIDO.flatMap((s) => [s.ko, s.short, ...s.aliases, ...s.en].map((name) => [normal(name), s] as const)));

/** Every name a 시·도 is written by (Korean and English), for lists of accepted values. */
export const sidoNames = (s: Sido): string[] => [s.ko, s.short, ...s.aliases, ...s.en];

/** The 시·도 a name means, or null. */
export function sidoByName(name: string): Sido | null {
  return byName.get(normal(name)) ?? null;
}
