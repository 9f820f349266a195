import { misspellingDistance } from './fuzzy.js';
import { phraseWords, tokenize, type Token } from './text.js';

/** A catalogue phrase found in a text. */
export interface PhraseMatch<T> {
  readonly value: T;
  /** Index of the first token, and one past the last. */
  readonly start: number;
  readonly end: number;
  /** The catalogue phrase's words, in their matching form. */
  readonly words: readonly string[];
  /** Misspelling edits forgiven to make the match. */
  readonly edits: number;
}

/** How a search may use the tokens of a text. */
export interface MatchOptions {
  /** Whether token `index` may be part of a match (e.g. it is not already read as a place). */
  readonly usable: (index: number) => boolean;
  /** Whether token `index` may be read as a misspelling of a catalogue word; omitted = exact words only. */
  readonly mayMisspell?: (index: number) => boolean;
}

interface Entry<T> {
  readonly value: T;
  /** For a case-sensitive phrase, the words exactly as they must be typed. */
  readonly exact: readonly string[] | null;
}

interface Node<T> {
  readonly children: Map<string, Node<T>>;
  /** The children by their word's first letter: a misspelling keeps its first letter, so only these are tried. */
  readonly byInitial: Map<string, [word: string, child: Node<T>][]>;
  readonly entries: Entry<T>[];
}

/** Marks a catalogue phrase that only matches as written: "=US" is the country, "us" is not. */
const CASE_SENSITIVE_MARK = '=';
/** Punctuation a phrase may run across ("Politics, Philosophy and Economics", "M.Sc", "Engineering (Civil / Electrical)"). */
const TRANSPARENT = new Set([',', '.', '/', '(', ')']);

function newNode<T>(): Node<T> {
  return { children: new Map(), byInitial: new Map(), entries: [] };
}

function sameWords(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === b || (a !== null && b !== null && a.join(' ') === b.join(' '));
}

/**
 * A word-by-word index (a trie) of catalogue phrases. Lookups never build a pattern from the text searched: the text
 * is tokenised and walked against phrases the catalogue holds.
 */
export class PhraseIndex<T> {
  private readonly root: Node<T> = newNode();

  /** Builds the index; throws when one phrase would name two different entries. */
  constructor(entries: Iterable<readonly [phrase: string, value: T]>) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  private add(phrase: string, value: T): void {
    const caseSensitive = phrase.startsWith(CASE_SENSITIVE_MARK);
    const text = caseSensitive ? phrase.slice(CASE_SENSITIVE_MARK.length) : phrase;
    let node = this.root;
    for (const word of phraseWords(text)) {
      let child = node.children.get(word);
      if (!child) {
        child = newNode();
        node.children.set(word, child);
        const initial = node.byInitial.get(word.charAt(0));
        if (initial) initial.push([word, child]);
        else node.byInitial.set(word.charAt(0), [[word, child]]);
      }
      node = child;
    }
    const exact = caseSensitive
      ? tokenize(text)
          .filter((token) => token.kind === 'word')
          .map((token) => token.raw)
      : null;
    const existing = node.entries.find((entry) => sameWords(entry.exact, exact));
    if (existing === undefined) node.entries.push({ value, exact });
    else if (existing.value !== value) throw new Error(`Catalogue phrase "${phrase}" names two entries`);
  }

  /** The entry a phrase (already split into matching words) names exactly, if any. */
  lookup(words: readonly string[]): T | undefined {
    let node: Node<T> | undefined = this.root;
    for (const word of words) node = node?.children.get(word);
    return node?.entries.find((entry) => entry.exact === null)?.value;
  }

  /** The longest phrase starting at token `start` (fewest forgiven edits among equally long ones). */
  matchAt(tokens: readonly Token[], start: number, options: MatchOptions): PhraseMatch<T> | undefined {
    let best: PhraseMatch<T> | undefined;
    const typedWords = (end: number): string[] =>
      tokens
        .slice(start, end)
        .filter((token) => token.kind === 'word')
        .map((token) => token.raw);
    const visit = (node: Node<T>, index: number, words: string[], edits: number): void => {
      if (words.length > 0) {
        const entry = node.entries.find(
          (candidate) => candidate.exact === null || sameWords(candidate.exact, typedWords(index)),
        );
        if (entry && (!best || index > best.end || (index === best.end && edits < best.edits))) {
          best = { value: entry.value, start, end: index, words, edits };
        }
      }
      let next = index;
      while (words.length > 0 && tokens[next]?.kind === 'sep' && TRANSPARENT.has(tokens[next].norm)) next += 1;
      const token = tokens[next];
      if (token?.kind !== 'word' || !options.usable(next)) return;
      const exactChild = node.children.get(token.norm);
      if (exactChild) visit(exactChild, next + 1, [...words, token.norm], edits);
      if (!options.mayMisspell?.(next)) return;
      for (const [word, child] of node.byInitial.get(token.norm.charAt(0)) ?? []) {
        const distance = word === token.norm ? undefined : misspellingDistance(token.norm, word);
        if (distance !== undefined) visit(child, next + 1, [...words, word], edits + distance);
      }
    };
    visit(this.root, start, [], 0);
    return best;
  }

  /** All non-overlapping phrases, read left to right, each the longest at its place. */
  findAll(tokens: readonly Token[], options: MatchOptions): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    let index = 0;
    while (index < tokens.length) {
      const match = options.usable(index) ? this.matchAt(tokens, index, options) : undefined;
      if (match) {
        found.push(match);
        index = match.end;
      } else {
        index += 1;
      }
    }
    return found;
  }
}
