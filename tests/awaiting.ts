/**
 * Messages added to the app after the ja, tl, ru and mn translations were made, awaiting their
 * translation (the app shows them in Korean meanwhile, never in English): reported to the lead.
 * tests/ui/locales.test.ts fails once a listed message is translated, so the list only shrinks.
 */
const NEW_SINCE_TRANSLATION = [
  'flow.bar.partial',
  'flow.bar.text',
  'storage.dismiss',
  'storage.notSaved',
  'storage.otherTab',
  'storage.otherTabDeleted',
  'storage.restoreFailed',
  'validation.date.range',
  'validation.householdSize.tooSmall',
  'validation.members.tooMany',
];

export const AWAITING: Record<string, string[]> = {
  ja: NEW_SINCE_TRANSLATION,
  tl: NEW_SINCE_TRANSLATION,
  ru: NEW_SINCE_TRANSLATION,
  mn: NEW_SINCE_TRANSLATION,
};

/** The languages whose `key` message is translated. */
export const translatedIn = (codes: readonly string[], key: string): string[] => codes.filter((code) => !AWAITING[code]?.includes(key));
