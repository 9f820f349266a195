import { CATALOGUE_PHRASES, isShorthand } from './catalogue.js';
import { awardOf, type AwardMatch, type SubjectMention } from './subject-finder.js';
import { tokenize, type Token } from './text.js';

/** Words kept in lower case inside a title: "Law with Criminology", "History of Art". */
const SMALL_WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'of',
  'with',
  'in',
  'for',
  'the',
  'to',
  'a',
  'an',
  'on',
  'at',
]);

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** How the catalogue writes a word that is not plain capitalised lower case: "ai" → "AI", "msc" → "MSc". */
const CATALOGUE_CASING: ReadonlyMap<string, string> = new Map(
  CATALOGUE_PHRASES.flatMap(([phrase]) =>
    tokenize(phrase.replace(/^=/u, ''))
      .filter(
        (token) => /^\p{L}+$/u.test(token.raw) && token.raw !== token.norm && token.raw !== capitalised(token.norm),
      )
      .map((token) => [token.norm, token.raw] as const),
  ),
);

/** Adds the brackets a title cut off: "Engineering (Mechanical" → "Engineering (Mechanical)". */
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

/** A word as a title shows it: the catalogue's casing where it has one, else capitalised (small words lower). */
function displayWord(norm: string, first: boolean): string {
  const known = CATALOGUE_CASING.get(norm);
  if (known !== undefined) return known;
  return SMALL_WORDS.has(norm) && !first ? norm : capitalised(norm);
}

/** What a title is built from. */
export interface TitleParts {
  /** The text the tokens were read from (cleaned). */
  readonly text: string;
  readonly tokens: readonly Token[];
  /** The token range of the subject, modifier words included. */
  readonly start: number;
  readonly end: number;
  readonly mentions: readonly SubjectMention[];
  readonly awards: readonly AwardMatch[];
}

/**
 * A subject's title in the student's own words: the words they typed for it ("Fashion Design", "Accounting &
 * Finance", "Quantum Computing"), with misspelt words spelt as the catalogue spells them, words typed all in lower
 * (or all in upper) case capitalised, and shorthand or a bare award written out as the subject's name ("CS" →
 * "Computer Science", "LLB" → "Law"); an award with a specialism stays the award ("PGCE Maths").
 */
export function subjectTitle(parts: TitleParts): string {
  const { text, tokens, start, end, mentions, awards } = parts;
  // "AI and ML": shorthand for one subject twice is that subject's name once.
  const [firstMention] = mentions;
  if (
    mentions.length > 1 &&
    mentions.every((mention) => mention.value === firstMention.value) &&
    mentions.some((mention) => isShorthand(mention.words))
  ) {
    return firstMention.value.name;
  }
  const shouting = !/\p{Ll}/u.test(text);
  let out = '';
  let i = start;
  while (i < end) {
    const token = tokens[i];
    const gap = i === start ? '' : text.slice(tokens[i - 1].end, token.start).replace(/\s+/gu, ' ');
    const mention = mentions.find((candidate) => candidate.start === i);
    const award = mention && awardOf(mention, awards);
    if (mention && (isShorthand(mention.words) || award !== undefined)) {
      // A bare award is its subject ("LLB" → "Law"), unless a specialism is named with it ("PGCE Maths").
      out += gap + (award !== undefined && mentions.length > 1 ? award.value.label : mention.value.name);
      i = mention.end;
      continue;
    }
    out += gap + wordAt(tokens, i, mentions, i === start, shouting);
    i += 1;
  }
  return withoutRepeats(balanceBrackets(out));
}

/** A title with a subject typed twice in a row written once: "Nursing Nursing" → "Nursing". */
export function withoutRepeats(title: string): string {
  return title.replace(/(?<![\p{L}\p{N}])(\p{L}[\p{L}\p{N}&' -]*?)(?:\s+\1)+(?![\p{L}\p{N}])/giu, '$1');
}

/** One token of a title: punctuation as typed; a word corrected to the catalogue's spelling and cased. */
function wordAt(
  tokens: readonly Token[],
  i: number,
  mentions: readonly SubjectMention[],
  first: boolean,
  shouting: boolean,
): string {
  const token = tokens[i];
  if (token.kind === 'sep' || !/\p{L}/u.test(token.raw)) return token.raw;
  const spelt = catalogueWord(tokens, i, mentions);
  // A misspelling is spelt right; a singular or plural read as the other ("Equine Science") is kept as typed.
  const plural = spelt === `${token.norm}s` || token.norm === `${spelt}s`;
  if (spelt !== token.norm && !plural) return displayWord(spelt, first);
  const typedLower = !/\p{Lu}/u.test(token.raw);
  const small = SMALL_WORDS.has(token.norm) && !first;
  return typedLower || shouting || small ? displayWord(token.norm, first) : token.raw;
}

/** The catalogue's word that token `i` was matched as (its own word when it was not misspelt). */
function catalogueWord(tokens: readonly Token[], i: number, mentions: readonly SubjectMention[]): string {
  const mention = mentions.find((candidate) => candidate.start <= i && i < candidate.end);
  if (mention === undefined) return tokens[i].norm;
  let k = 0;
  for (let j = mention.start; j < i; j += 1) if (tokens[j].kind === 'word') k += 1;
  return mention.words[k] ?? tokens[i].norm;
}
