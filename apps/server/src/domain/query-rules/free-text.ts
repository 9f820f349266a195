import { FILLER_PHRASES } from './filler.js';
import { phraseWords, type Token } from './text.js';

const FILLERS: readonly (readonly string[])[] = FILLER_PHRASES.map(phraseWords);
/** A year such as 2026: filler at the edges ("… for 2026"). */
const YEAR = /^(?:19|20)\d\d$/u;

/** How many tokens from `at` (moving by `step`) a filler phrase covers, 0 if none does. */
function fillerLength(tokens: readonly Token[], at: number, step: 1 | -1): number {
  if (YEAR.test(tokens[at].norm)) return 1;
  let best = 0;
  for (const phrase of FILLERS) {
    const ordered = step === 1 ? phrase : [...phrase].reverse();
    const fits = ordered.every((word, k) => tokens[at + k * step]?.kind === 'word' && tokens[at + k * step]?.norm === word);
    if (fits) best = Math.max(best, phrase.length);
  }
  return best;
}

/** Adds the brackets an edge trim cut off: "Basket (Weaving" → "Basket (Weaving)". */
function balanceBrackets(text: string): string {
  let open = 0;
  let unmatchedClose = 0;
  for (const char of text) {
    if (char === '(') open += 1;
    else if (char === ')') {
      if (open > 0) open -= 1;
      else unmatchedClose += 1;
    }
  }
  return '('.repeat(unmatchedClose) + text + ')'.repeat(open);
}

/**
 * The student's own words for a subject the catalogue does not know, with the filler around them trimmed
 * ("I want to study Underwater Basket Weaving in the UK" → "Underwater Basket Weaving"). Only the edges are
 * trimmed; the words between are kept as typed. Returns `''` when nothing but filler and places is left.
 */
export function ownWords(text: string, tokens: readonly Token[], placeTaken: readonly boolean[]): string {
  let first = 0;
  let last = tokens.length - 1;
  const skippable = (i: number): boolean => tokens[i].kind === 'sep' || placeTaken[i] === true;
  while (first <= last) {
    const skip = skippable(first) ? 1 : fillerLength(tokens, first, 1);
    if (skip === 0) break;
    first += skip;
  }
  while (last >= first) {
    const skip = skippable(last) ? 1 : fillerLength(tokens, last, -1);
    if (skip === 0) break;
    last -= skip;
  }
  return first > last ? '' : balanceBrackets(text.slice(tokens[first].start, tokens[last].end));
}
