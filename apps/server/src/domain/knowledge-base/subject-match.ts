import type { KnowledgeBase, SubjectEntry } from './schema.js';

/**
 * Words that carry no subject: degree abbreviations (MSc, BSc, MA…) and the filler of a sentence such as
 * "I want to study nursing in the UK". Abbreviations that name a subject (MBA, LLB, LLM, BEng, MEng, MPharm,
 * BArch, MBBS, MD…) are deliberately absent. Applied to the query and to every name and alias alike.
 */
const NOISE_WORDS = new Set([
  'msc',
  'bsc',
  'ba',
  'ma',
  'ms',
  'bs',
  'msci',
  'mres',
  'mphil',
  'phd',
  'doctorate',
  'doctoral',
  'pgdip',
  'pgcert',
  'hons',
  'honours',
  'degree',
  'degrees',
  'course',
  'courses',
  'programme',
  'program',
  'postgraduate',
  'undergraduate',
  'i',
  'im',
  'id',
  'want',
  'wish',
  'would',
  'like',
  'love',
  'to',
  'study',
  'studying',
  'do',
  'doing',
  'pursue',
  'pursuing',
  'take',
  'taking',
  'plan',
  'planning',
  'hope',
  'hoping',
  'my',
  'me',
  'a',
  'an',
  'the',
  'in',
  'at',
  'of',
  'for',
  'on',
  'with',
  'and',
  'uk',
  'united',
  'kingdom',
  'england',
  'britain',
  'great',
]);

/** Splits text into lower-case ASCII word tokens, dropping accents, punctuation and noise words. */
export function subjectTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '' && !NOISE_WORDS.has(token));
}

/** Whether a query word stands for a phrase word: equal, a prefix of 3+ letters ("comp"), or the same stem ("nurse"). */
function sameWord(query: string, phrase: string): boolean {
  if (query === phrase) return true;
  const shorter = Math.min(query.length, phrase.length);
  if (shorter < 3) return false;
  if (phrase.startsWith(query) || query.startsWith(phrase)) return true;
  let common = 0;
  while (common < shorter && query[common] === phrase[common]) common += 1;
  return common >= 4 && common >= shorter - 2;
}

/**
 * How well the query tokens match one name or alias; 0 for no match. A phrase matches when all its words are in
 * the query ("nursing in London") or, for a query of two or more words, when every query word is in a phrase
 * it half covers ("Comp Sci"). Exact equality and exact (not prefix) words score higher.
 */
function phraseScore(query: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0) return 0;
  if (phrase.length === 1 && phrase[0].length <= 2) {
    return query.length === 1 && query[0] === phrase[0] ? 3 : 0; // "IT", "AI", "CS" only on their own
  }
  const phraseHits = phrase.filter((word) => query.some((q) => sameWord(q, word))).length;
  const queryHits = query.filter((q) => phrase.some((word) => sameWord(q, word))).length;
  const phraseCover = phraseHits / phrase.length;
  const queryCover = queryHits / query.length;
  const matches = phraseCover === 1 || (queryCover === 1 && phraseCover >= 0.5 && query.length >= 2);
  if (!matches) return 0;
  const exactWords = query.filter((q) => phrase.includes(q)).length;
  const identical = exactWords === query.length && query.length === phrase.length ? 1 : 0;
  return phraseCover + queryCover + identical + exactWords / 100;
}

/**
 * The item whose phrases best match `text` (ignoring case, punctuation, degree prefixes such as MSc/BSc and sentence
 * filler, with word-prefix matching for abbreviations such as "Comp Sci"); the list's order breaks ties; null when
 * nothing matches.
 */
export function bestPhraseMatch<T>(
  items: readonly T[],
  phrasesOf: (item: T) => readonly string[],
  text: string,
): T | null {
  const query = subjectTokens(text);
  if (query.length === 0) return null;
  let best: T | null = null;
  let bestScore = 0;
  for (const item of items) {
    for (const phrase of phrasesOf(item)) {
      const score = phraseScore(query, subjectTokens(phrase));
      if (score > bestScore) {
        best = item;
        bestScore = score;
      }
    }
  }
  return best;
}

/**
 * Finds the facts file's entry for a subject as a student wrote it: by `subjectId` when given and known, else by
 * id, name or alias (see `bestPhraseMatch`); null when nothing matches.
 */
export function findSubject(kb: KnowledgeBase, subject: string, subjectId?: string | null): SubjectEntry | null {
  const byId = subjectId ? kb.subjects.find((entry) => entry.id === subjectId) : undefined;
  return byId ?? bestPhraseMatch(kb.subjects, (entry) => [entry.id, entry.name, ...entry.aliases], subject);
}
