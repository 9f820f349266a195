/** One unit of a tokenised text: a word or a single punctuation mark. */
export interface Token {
  /** The matching form: lower case, no diacritics, no apostrophes or possessive `'s`; `&` and `+` read as `and`. */
  readonly norm: string;
  /** The characters as typed (for abbreviations such as "U.K.", the letters only: "UK"). */
  readonly raw: string;
  readonly kind: 'word' | 'sep';
  /** Offsets of the token in the text it was read from. */
  readonly start: number;
  readonly end: number;
}

const TOKEN_PATTERN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\S/gu;
/** Marks that join parts of one word ("top-up", "Guinea-Bissau") and are dropped. */
const JOINERS = new Set(['-', '‐', '‑', "'", '’', '`', '´']);
const AND_MARKS = new Set(['&', '+']);

/** The matching form of one word. */
export function normWord(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/['’]/gu, '');
}

/** Splits text into words and punctuation marks, merging dotted abbreviations ("U.K.", "U.S.A.") into one word. */
export function tokenize(text: string): Token[] {
  const raw: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const value = match[0];
    const start = match.index;
    const end = start + value.length;
    if (JOINERS.has(value)) continue;
    if (AND_MARKS.has(value)) raw.push({ norm: 'and', raw: value, kind: 'word', start, end });
    else if (/[\p{L}\p{N}]/u.test(value)) raw.push({ norm: normWord(value), raw: value, kind: 'word', start, end });
    else raw.push({ norm: value, raw: value, kind: 'sep', start, end });
  }
  return mergeAbbreviations(raw);
}

function isLetter(token: Token | undefined): boolean {
  return token?.kind === 'word' && /^\p{L}$/u.test(token.raw);
}

function isDot(token: Token | undefined): boolean {
  return token?.kind === 'sep' && token.raw === '.';
}

/** "U . K ." → "UK": two or more single letters, each followed by a dot (the last dot optional). */
function mergeAbbreviations(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let letters = '';
    while (isLetter(tokens[j]) && isDot(tokens[j + 1])) {
      letters += tokens[j].raw;
      j += 2;
    }
    if (letters.length > 0 && isLetter(tokens[j]) && !isDot(tokens[j + 1])) {
      // "U.K" — the final letter without its dot.
      letters += tokens[j].raw;
      j += 1;
    }
    if (letters.length >= 2) {
      out.push({ norm: normWord(letters), raw: letters, kind: 'word', start: tokens[i].start, end: tokens[j - 1].end });
      i = j;
    } else {
      out.push(tokens[i]);
      i += 1;
    }
  }
  return out;
}

/** The matching words of a catalogue phrase ("Côte d'Ivoire" → ["cote", "divoire"]). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase)
    .filter((token) => token.kind === 'word')
    .map((token) => token.norm);
}
