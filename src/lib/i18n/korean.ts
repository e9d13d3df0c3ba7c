/**
 * Korean inside a text on a page in another language — a rule text shown in Korean until the page
 * language's texts have arrived (src/lib/rules/texts.ts), alone or inside a sentence, or an official
 * term a message quotes (소득인정액) — as runs to mark lang="ko", so screen readers switch voice
 * (WCAG 3.1.2). A run is Hangul and whatever lies between Hangul words (spaces, digits,
 * punctuation), never another language's letters.
 */
export interface TextRun {
  text: string;
  korean: boolean;
}

const KOREAN_RUN = /\p{Script=Hangul}(?:[^\p{L}]*\p{Script=Hangul})*/gu;

export function koreanRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of text.matchAll(KOREAN_RUN)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), korean: false });
    runs.push({ text: match[0], korean: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), korean: false });
  return runs;
}
