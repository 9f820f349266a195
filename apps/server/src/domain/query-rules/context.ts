import { ARTICLES, CLAUSE_BREAKS, CLAUSE_WORDS, IDENTITY_BEFORE, NEGATIONS, PAST_VERBS } from './cues.js';
import type { Token } from './text.js';

/** Verbs that open a question when nothing comes before them: "Is nursing …?". */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were']);

/** How many words back a look for a past verb goes ("did my bachelor's degree in …"). */
const PAST_WINDOW = 4;

/** The matching words before token `start`, nearest first, up to the start of its clause (without those `skip` names). */
export function wordsBefore(tokens: readonly Token[], start: number, skip?: (index: number) => boolean): string[] {
  return clauseWords(tokens, start - 1, -1, skip);
}

/** The matching words from token `end` on, up to the end of its clause. */
export function wordsAfter(tokens: readonly Token[], end: number): string[] {
  return clauseWords(tokens, end, 1);
}

/** The words from token `from` walking by `step` (±1), stopping at a clause break or the end. */
function clauseWords(
  tokens: readonly Token[],
  from: number,
  step: 1 | -1,
  skip?: (index: number) => boolean,
): string[] {
  const words: string[] = [];
  for (let i = from; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i];
    if (token.kind !== 'sep') {
      if (skip?.(i) !== true) words.push(token.norm);
    } else if (CLAUSE_BREAKS.has(token.norm)) break;
  }
  return words;
}

/** `words` (nearest first) without the articles at their front. */
export function skipArticles(words: readonly string[]): readonly string[] {
  let i = 0;
  while (i < words.length && ARTICLES.has(words[i])) i += 1;
  return words.slice(i);
}

/** Whether the words before a mention (nearest first) end with one of the phrases: "… rather than". */
export function endsWithPhrase(before: readonly string[], phrases: readonly string[]): boolean {
  return phrases.some((phrase) => {
    const words = phrase.split(' ').reverse();
    return words.every((word, i) => before[i] === word);
  });
}

/** Whether a negation sets the mention aside: "not medicine", "rather than Canada". */
export function isNegated(before: readonly string[]): boolean {
  return endsWithPhrase(skipArticles(before), NEGATIONS);
}

/** Whether the mention is the writer's own role or past study: "as a nurse", "I studied law". */
export function isWritersOwn(before: readonly string[]): boolean {
  const near = skipArticles(before);
  // "Is MSc Data Science worth it?": a verb that opens a question says nothing about the writer.
  if (near.length === 1 && QUESTION_OPENERS.has(near[0])) return false;
  if (near[0] !== undefined && IDENTITY_BEFORE.has(near[0])) return true;
  for (const word of near.slice(0, PAST_WINDOW)) {
    if (PAST_VERBS.has(word)) return true;
    if (CLAUSE_WORDS.has(word)) return false;
  }
  return false;
}
