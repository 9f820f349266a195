import { CITIES } from './cities.js';
import { isNegated, skipArticles, wordsAfter, wordsBefore, endsWithPhrase } from './context.js';
import { COUNTRIES, REGIONS, type PlaceEntry } from './countries.js';
import {
  ARTICLES,
  CLAUSE_WORDS,
  IDENTITY_BEFORE,
  INSTITUTION_NOUNS,
  NAME_BEFORE,
  OPENING_FOLLOWERS,
  ORIGIN_AFTER_NAME,
  ORIGIN_BEFORE,
  ORIGIN_NEAR_IN,
  ORIGIN_VERBS,
  PERSON_NOUNS,
  PLACE_PREPOSITIONS,
} from './cues.js';
import { PhraseIndex, type PhraseMatch } from './phrase-index.js';
import { namesSubject } from './subject-finder.js';
import type { Token } from './text.js';

/** How a place is written: its name, a city or state in it, or a word for its people. */
type PlaceKind = 'name' | 'city' | 'demonym';

interface PlaceValue {
  readonly place: PlaceEntry;
  readonly kind: PlaceKind;
}

/** How a mention is meant: where the student wants to go, where they come from, set aside, or no place at all. */
export type PlaceRole = 'destination' | 'origin' | 'aside' | 'none';

/** A place named in a text, and how it is meant. */
export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  readonly place: PlaceEntry;
  readonly role: PlaceRole;
}

/** How far after a demonym a person noun or institution may stand: "Indian nursing student". */
const LOOKAHEAD = 3;

function buildIndex(): PhraseIndex<PlaceValue> {
  const entries: (readonly [string, PlaceValue])[] = [];
  const byCode = new Map<string, PlaceEntry>();
  for (const place of [...COUNTRIES, ...REGIONS]) {
    byCode.set(place.code, place);
    const asName: PlaceValue = { place, kind: 'name' };
    const asDemonym: PlaceValue = { place, kind: 'demonym' };
    for (const name of place.names) entries.push([name, asName]);
    for (const demonym of place.demonyms) entries.push([demonym, asDemonym]);
  }
  for (const [code, cities] of Object.entries(CITIES)) {
    const asCity: PlaceValue = { place: byCode.get(code)!, kind: 'city' };
    for (const city of cities.split('|')) entries.push([city, asCity]);
  }
  return new PhraseIndex(entries);
}

const PLACES = buildIndex();

type Match = PhraseMatch<PlaceValue>;

/** "Perth, Scotland" is one place (Scotland's); "Germany, Europe" is Germany. */
function mergeQualified(tokens: readonly Token[], matches: readonly Match[]): Match[] {
  const merged: Match[] = [];
  for (const match of matches) {
    const previous = merged.at(-1);
    const between = previous ? tokens.slice(previous.end, match.start).map((token) => token.norm) : [];
    const adjacent = previous !== undefined && between.every((word) => word === ',' || word === 'in');
    if (adjacent && previous.value.kind === 'city' && match.value.kind === 'name') {
      merged[merged.length - 1] = { ...match, start: previous.start };
    } else if (adjacent && previous.value.kind === 'name' && match.value.place.code.startsWith('region-')) {
      merged[merged.length - 1] = { ...previous, end: match.end };
    } else {
      merged.push(match);
    }
  }
  return merged;
}

/** "from India", "citizen of Nepal", "I live in Lahore", "did my BSc in India" (but not "want to live in …"). */
function hasOriginBefore(before: readonly string[]): boolean {
  const near = skipArticles(before);
  if (endsWithPhrase(near, ORIGIN_BEFORE)) return true;
  if (near[0] !== 'in' && near[0] !== 'at') return false;
  if (near[1] !== undefined && ORIGIN_NEAR_IN.has(near[1])) return true;
  const window = near.slice(1).filter((word) => !ARTICLES.has(word));
  for (let i = 0; i < LOOKAHEAD && i < window.length; i += 1) {
    const word = window[i];
    if (ORIGIN_VERBS.has(word)) return window[i + 1] !== 'to';
    if (CLAUSE_WORDS.has(word)) return false;
  }
  return false;
}

function isOpening(tokens: readonly Token[], start: number): boolean {
  return tokens.slice(0, start).every((token) => token.kind === 'sep');
}

function classify(tokens: readonly Token[], match: Match, next: Match | undefined): PlaceRole {
  const before = wordsBefore(tokens, match.start);
  const after = wordsAfter(tokens, match.end).slice(0, LOOKAHEAD);
  const near = skipArticles(before);
  const withoutPreposition = near[0] !== undefined && PLACE_PREPOSITIONS.has(near[0]) ? near.slice(1) : near;
  if (isNegated(before) || isNegated(withoutPreposition)) return 'aside';
  if (endsWithPhrase(near, NAME_BEFORE)) return 'none';
  if (hasOriginBefore(before)) return 'origin';
  if (after.some((word) => INSTITUTION_NOUNS.has(word))) return 'destination';
  const { kind } = match.value;
  if (kind !== 'demonym') {
    // "Pakistan to the UK": the first place is where the student comes from.
    const between = next ? tokens.slice(match.end, next.start).filter((token) => token.norm !== 'the') : [];
    const leadsOn = between.length === 1 && between[0].norm === 'to';
    return leadsOn || ORIGIN_AFTER_NAME.has(after[0] ?? '') ? 'origin' : 'destination';
  }
  if (after.some((word) => PERSON_NOUNS.has(word))) return 'origin';
  if (near[0] !== undefined && IDENTITY_BEFORE.has(near[0])) return 'origin';
  const following = tokens[match.end];
  const opensText = isOpening(tokens, match.start);
  if (!opensText) return 'none';
  // A demonym alone is the writer's origin ("Sri Lankan"), unless it is a subject too ("French").
  if (following === undefined) return namesSubject(match.words) ? 'none' : 'origin';
  // "Spanish and French": a language joined to another subject is a subject, not where the writer is from.
  const joinsSubject =
    following.norm === 'and' && namesSubject(match.words) && namesSubject([tokens[match.end + 1]?.norm ?? '']);
  return !joinsSubject && (following.kind === 'sep' || OPENING_FOLLOWERS.has(following.norm)) ? 'origin' : 'none';
}

/** Every place named in the text, each with how it is meant. */
export function readPlaces(tokens: readonly Token[]): PlaceMention[] {
  const matches = mergeQualified(tokens, PLACES.findAll(tokens, { usable: (i) => tokens[i].kind === 'word' }));
  return matches.map((match, i) => ({
    start: match.start,
    end: match.end,
    place: match.value.place,
    role: classify(tokens, match, matches[i + 1]),
  }));
}

/** The distinct places the student asks to study in, in the order first named. */
export function destinations(mentions: readonly PlaceMention[]): PlaceEntry[] {
  const found = new Map<string, PlaceEntry>();
  for (const mention of mentions) {
    if (mention.role === 'destination' && !found.has(mention.place.code)) found.set(mention.place.code, mention.place);
  }
  return [...found.values()];
}

/** Which tokens a place mention takes (a demonym that names no place, like "French" in "study French", takes none). */
export function placeTokens(tokenCount: number, mentions: readonly PlaceMention[]): boolean[] {
  const taken = new Array<boolean>(tokenCount).fill(false);
  for (const mention of mentions) {
    if (mention.role !== 'none') taken.fill(true, mention.start, mention.end);
  }
  return taken;
}
