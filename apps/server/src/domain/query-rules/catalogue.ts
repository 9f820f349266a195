import { FILLER_PHRASES } from './filler.js';
import { SUBJECT_MAP, type MapSubjectFields } from './subject-map-catalogue.js';
import { MAP_LINKS } from './subject-links.js';
import { SUBJECTS, type SubjectEntry } from './subjects.js';
import { phraseWords } from './text.js';

/**
 * The subjects the rules recognise: the hand-written catalogue (`subjects.ts`, with its abbreviations, misspellings
 * and degree names) placed on the subject map (`subject-links.ts`), plus one entry for every map subject the
 * catalogue does not cover. Built once at module load.
 */

/** A recognisable subject and the map entry a report on it is about. */
export interface CatalogueEntry extends SubjectEntry {
  /** The map entry's id (`marine-biology`). */
  readonly mapId: string;
  /** `entry`: the map has this subject; `parent`: the map covers it in its nearest parent group. */
  readonly via: 'entry' | 'parent';
  /** The map entry's own name ("Film (Production and Studies)"). */
  readonly mapName: string;
}

/** Marks a catalogue alias that is shorthand ("~B Pharm"): the title shows the subject's name instead. */
const SHORTHAND_MARK = '~';
const CASE_SENSITIVE_MARK = '=';
/** An alias written all in capitals: "CS", "=IT", "MB ChB" is not one. */
const ALL_CAPITALS = /^=?\p{Lu}[\p{Lu}\d]+(?:\s+\p{Lu}[\p{Lu}\d]+)*$/u;
const FILLER_WORDS: ReadonlySet<string> = new Set(FILLER_PHRASES.map((phrase) => phraseWords(phrase).join(' ')));

const MAP_BY_ID: ReadonlyMap<string, MapSubjectFields> = new Map(SUBJECT_MAP.map((subject) => [subject.id, subject]));

function mapSubject(id: string): MapSubjectFields {
  const found = MAP_BY_ID.get(id);
  if (found === undefined) throw new Error(`Query rules: subject-map entry "${id}" is missing`);
  return found;
}

function placed(entry: SubjectEntry): CatalogueEntry {
  const link = MAP_LINKS[entry.id] ?? { mapId: entry.id, via: 'entry' as const };
  const aliases = entry.aliases.map((alias) => (alias.startsWith(SHORTHAND_MARK) ? alias.slice(1) : alias));
  return { ...entry, aliases, mapId: link.mapId, via: link.via, mapName: mapSubject(link.mapId).name };
}

/** A display name for a map subject without a catalogue entry: "Plant sciences", not "Plant sciences (non-specific)". */
function displayName(subject: MapSubjectFields): string {
  return subject.name.replace(/\s*\(non-specific\)$/u, '');
}

const CURATED: readonly CatalogueEntry[] = SUBJECTS.map(placed);
const CURATED_IDS: ReadonlySet<string> = new Set(CURATED.map((entry) => entry.id));

/** The entry a map subject's own words name: a catalogue entry placed on it (its namesake first), else a new one. */
function representative(subject: MapSubjectFields): CatalogueEntry {
  const onIt = CURATED.filter((entry) => entry.mapId === subject.id && entry.via === 'entry');
  const found = onIt.find((entry) => entry.id === subject.id) ?? onIt[0];
  if (found) return found;
  const id = CURATED_IDS.has(subject.id) ? `map-${subject.id}` : subject.id;
  return { id, name: displayName(subject), aliases: [], mapId: subject.id, via: 'entry', mapName: subject.name };
}

const REPRESENTATIVES: ReadonlyMap<string, CatalogueEntry> = new Map(
  SUBJECT_MAP.map((subject) => [subject.id, representative(subject)]),
);

/** Every entry: the catalogue's, then one for each map subject the catalogue leaves out. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...CURATED,
  ...[...REPRESENTATIVES.values()].filter((entry) => !CURATED_IDS.has(entry.id)),
];

/** "BA/BSc Business Management", "MSc Nursing (pre-registration)" → the subject words ("Business Management"). */
export function degreeSubject(degree: string): string {
  const words = degree
    .replace(/\([^)]*\)/gu, ' ')
    .trim()
    .split(/\s+/u);
  const looksLikeAward = (word: string): boolean =>
    word.includes('/') || /^\p{L}\p{Ll}*\p{Lu}/u.test(word) || /^\p{Lu}+$/u.test(word);
  return (words[0] !== undefined && looksLikeAward(words[0]) ? words.slice(1) : words).join(' ');
}

function keyOf(phrase: string): string {
  return phraseWords(phrase.startsWith(CASE_SENSITIVE_MARK) ? phrase.slice(1) : phrase).join(' ');
}

/** Whether a phrase from the map may name its subject in free text: not empty, not only filler ("planning"). */
function usableMapPhrase(key: string): boolean {
  return key !== '' && !key.split(' ').every((word) => FILLER_WORDS.has(word));
}

const wordSet = (text: string): Set<string> => new Set(phraseWords(text));

/**
 * Whether a map subject is its whole CAH group ("Computer Science" in "computer science"), so the group's label and
 * its other HECoS terms name it. Podiatry is not "complementary and alternative medicine": "beauty therapy" is not
 * podiatry.
 */
export function namesItsGroup(subject: MapSubjectFields): boolean {
  const label = wordSet(subject.cah_label ?? '');
  return [...wordSet(subject.name)].every((word) => label.has(word));
}

function buildPhrases(): { phrases: [string, CatalogueEntry][]; shorthand: Set<string> } {
  const phrases: [string, CatalogueEntry][] = [];
  const shorthand = new Set<string>();
  const taken = new Set<string>();
  const add = (phrase: string, entry: CatalogueEntry, isShort: boolean): void => {
    const key = keyOf(phrase);
    if (taken.has(key)) return;
    taken.add(key);
    phrases.push([phrase, entry]);
    if (isShort) shorthand.add(key);
  };
  const curated = CURATED.map((entry, i) => [entry, SUBJECTS[i]] as const);
  const mapPhrases = (round: (subject: MapSubjectFields) => readonly (string | null)[]): void => {
    for (const subject of SUBJECT_MAP) {
      for (const phrase of round(subject)) {
        if (phrase !== null && usableMapPhrase(keyOf(phrase)))
          add(phrase.replace(/^[=~]/u, ''), REPRESENTATIVES.get(subject.id)!, false);
      }
    }
  };
  // The first to claim a phrase keeps it: catalogue names, map names (so every map subject answers to its own name),
  // catalogue aliases, map aliases, then CAH labels, degree subjects and HECoS terms.
  for (const [entry, source] of curated) add(source.name, entry, false);
  mapPhrases((subject) => [subject.name, displayName(subject)]);
  for (const [entry, source] of curated) {
    for (const alias of source.aliases) {
      const plain = alias.startsWith(SHORTHAND_MARK) ? alias.slice(1) : alias;
      // "~B Pharm", and aliases written all in capitals ("CS", "MBBS", "=IT"), are shorthand.
      add(plain, entry, alias.startsWith(SHORTHAND_MARK) || ALL_CAPITALS.test(plain));
    }
  }
  mapPhrases((subject) => subject.aliases);
  mapPhrases((subject) => [
    ...subject.typical_degrees.map(degreeSubject),
    ...(namesItsGroup(subject) ? [subject.cah_label, ...(subject.related_hecos_terms ?? [])] : []),
  ]);
  return { phrases, shorthand };
}

const BUILT = buildPhrases();

/** Every phrase that names a catalogue entry, each phrase once. */
export const CATALOGUE_PHRASES: readonly (readonly [string, CatalogueEntry])[] = BUILT.phrases;

/** Whether a matched phrase (its matching words) is shorthand ("cs", "mbbs"), shown as the subject's name. */
export function isShorthand(words: readonly string[]): boolean {
  return BUILT.shorthand.has(words.join(' '));
}
