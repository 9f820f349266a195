import { isNegated, isWritersOwn, skipArticles, wordsAfter, wordsBefore } from './context.js';
import { GOAL_BEFORE, SELF_AFTER } from './cues.js';
import { CATALOGUE_PHRASES, type CatalogueEntry } from './catalogue.js';
import { AWARDS, type AwardEntry } from './degrees.js';
import { FILLER_PHRASES, NOT_MISSPELLINGS } from './filler.js';
import { PhraseIndex, type PhraseMatch } from './phrase-index.js';
import type { Token } from './text.js';

/** A catalogue subject named in a text. */
export type SubjectMention = PhraseMatch<CatalogueEntry>;

/** A degree award named in a text. */
export type AwardMatch = PhraseMatch<AwardEntry>;

/** The subjects and the degree award a text names. */
export interface SubjectReading {
  /** Subject mentions in text order, without those set aside ("not medicine") or the writer's own ("I studied law"). */
  readonly mentions: readonly SubjectMention[];
  /** The one degree award named for the request ("MSc"), or `null` when none or several are. */
  readonly award: string | null;
  /** Every award named, requested or not (their tokens are not subject words). */
  readonly awards: readonly AwardMatch[];
}

const SUBJECT_INDEX = new PhraseIndex(CATALOGUE_PHRASES);
const AWARD_INDEX = new PhraseIndex(AWARDS.flatMap((entry) => entry.phrases.map((phrase) => [phrase, entry] as const)));
/** Single filler words: never read as a misspelt subject ("studying" is not "studio"). */
const FILLER_WORDS: ReadonlySet<string> = new Set(FILLER_PHRASES.filter((phrase) => !phrase.includes(' ')));
/** What may join an elided subject to the next: "mechanical or civil engineering". */
const LIST_JOINERS: ReadonlySet<string> = new Set(['and', 'or', ',', '/']);

/** Whether a phrase (as matching words) is exactly a catalogue subject's name or alias ("french"). */
export function namesSubject(words: readonly string[]): boolean {
  return SUBJECT_INDEX.lookup(words) !== undefined;
}

/**
 * "mechanical or civil engineering" names Mechanical Engineering too: a bare word before a joiner and a
 * many-word subject, which with that subject's last words makes another catalogue subject.
 */
function addElided(
  tokens: readonly Token[],
  mentions: SubjectMention[],
  usable: (i: number) => boolean,
): SubjectMention[] {
  const found = [...mentions];
  const pending = mentions.filter((mention) => mention.words.length > 1);
  for (let mention = pending.pop(); mention !== undefined; mention = pending.pop()) {
    const wordIndex = mention.start - 2;
    const joiner = tokens[mention.start - 1];
    if (wordIndex < 0 || !joiner || !LIST_JOINERS.has(joiner.norm) || !usable(wordIndex)) continue;
    if (found.some((other) => other.start <= wordIndex && wordIndex < other.end)) continue;
    const words = [tokens[wordIndex].norm, ...mention.words.slice(1)];
    const entry = SUBJECT_INDEX.lookup(words);
    if (entry === undefined) continue;
    const elided: SubjectMention = { value: entry, start: wordIndex, end: wordIndex + 1, words, edits: 0 };
    found.push(elided);
    pending.push(elided);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Punctuation that parts an award from a subject further on ("MSc, Law"); brackets and dots do not ("BSc (Hons) Nursing"). */
const AWARD_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '!', '?', '/', '|']);

/**
 * The subject an award belongs to: the next subject in its sentence part ("MSc in Data Science", "BSc (Hons)
 * Nursing"), else the subject it stands in or right after ("LLB", "Data Science MSc", "Nursing (BSc)").
 */
function attachedMention(
  tokens: readonly Token[],
  award: AwardMatch,
  mentions: readonly SubjectMention[],
): SubjectMention | undefined {
  const between = (from: number, to: number): Token[] => tokens.slice(from, to);
  return (
    mentions.find(
      (mention) =>
        mention.start >= award.start &&
        !between(award.end, mention.start).some((token) => AWARD_BREAKS.has(token.norm)),
    ) ??
    mentions.findLast(
      (mention) =>
        mention.start <= award.start && between(mention.end, award.start).every((token) => token.norm === '('),
    )
  );
}

/** Keeps the items not flagged, unless that would leave none: the writer's own study is the request when it is all there is. */
function withoutFlagged<T>(items: readonly T[], flagged: (item: T) => boolean): T[] {
  const kept = items.filter((item) => !flagged(item));
  return kept.length > 0 ? kept : [...items];
}

/**
 * Whether the writer already has or is this subject ("I studied law", "as a nurse", "I am a Pakistani doctor",
 * "BSc nursing from India", "Civil engineer wants …"), or aims at it as a job ("… to become a software engineer").
 * Places and demonyms between are passed over.
 */
function isWritersOwnMention(
  tokens: readonly Token[],
  mention: SubjectMention,
  placeTaken: readonly boolean[],
): boolean {
  const before = wordsBefore(tokens, mention.start, (i) => placeTaken[i] === true);
  const after = wordsAfter(tokens, mention.end)[0];
  return (
    isWritersOwn(before) ||
    GOAL_BEFORE.has(skipArticles(before)[0] ?? '') ||
    after === 'from' ||
    SELF_AFTER.has(after ?? '')
  );
}

/** The knowledge-base subject (or catalogue family) an entry belongs to: its `family`, else its own id. */
export function familyOf(entry: CatalogueEntry): string {
  return entry.family ?? entry.id;
}

/** The award a mention is made of alone ("LLB", "B.Tech"), if any. */
export function awardOf(mention: SubjectMention, awards: readonly AwardMatch[]): AwardMatch | undefined {
  return awards.find((award) => award.start === mention.start && award.end === mention.end);
}

/**
 * "BEng (Hons) Mechanical Engineering": a mention that is only an award yields to a related subject named with it;
 * a foreign award ("B.Tech CSE") yields to any subject named with it.
 */
function withoutAwardOnly(mentions: readonly SubjectMention[], awards: readonly AwardMatch[]): SubjectMention[] {
  return mentions.filter((mention) => {
    const award = awardOf(mention, awards);
    if (award === undefined) return true;
    const others = mentions.filter((other) => awardOf(other, awards) === undefined);
    if (award.value.foreign) return others.length === 0;
    return !others.some((other) => familyOf(other.value) === familyOf(mention.value));
  });
}

/** The one award label that belongs to a requested subject ("MSc"), or `null` when none or several do. */
function awardLabel(
  tokens: readonly Token[],
  awards: readonly AwardMatch[],
  asked: readonly SubjectMention[],
  requested: readonly SubjectMention[],
): string | null {
  const labels = new Set<string>();
  for (const award of awards) {
    const mention = attachedMention(tokens, award, asked);
    const own = isWritersOwn(wordsBefore(tokens, award.start));
    if (mention && requested.includes(mention) && !own && !award.value.foreign) labels.add(award.value.label);
  }
  return labels.size === 1 ? [...labels][0] : null;
}

/** Reads the subjects and award a text names, ignoring tokens already read as places. */
export function readSubjects(tokens: readonly Token[], placeTaken: readonly boolean[]): SubjectReading {
  const free = (i: number): boolean => tokens[i].kind === 'word' && !placeTaken[i];
  const awards = AWARD_INDEX.findAll(tokens, { usable: free });
  const awardTaken = new Set<number>();
  for (const award of awards) {
    if (!award.value.namesSubject) for (let i = award.start; i < award.end; i += 1) awardTaken.add(i);
  }
  const usable = (i: number): boolean => free(i) && !awardTaken.has(i);
  const mayMisspell = (i: number): boolean =>
    !FILLER_WORDS.has(tokens[i].norm) && !NOT_MISSPELLINGS.has(tokens[i].norm);
  const found = SUBJECT_INDEX.findAll(tokens, { usable, mayMisspell });
  const asked = addElided(tokens, found, usable).filter((mention) => !isNegated(wordsBefore(tokens, mention.start)));
  const requested = withoutFlagged(asked, (mention) => isWritersOwnMention(tokens, mention, placeTaken));
  return { mentions: withoutAwardOnly(requested, awards), award: awardLabel(tokens, awards, asked, requested), awards };
}
