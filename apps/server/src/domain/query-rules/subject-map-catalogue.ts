import { readFileSync } from 'node:fs';

/**
 * The fields of one subject-map entry (`data/knowledge-base/uk-subject-map.json`) that the query rules read to
 * recognise a subject: a structural subset of the knowledge base's validated map entry, spelt as in the file, so its
 * loader's subjects can stand in for this reader's. The knowledge base owns the file and its validation.
 */
export interface MapSubjectFields {
  /** Map id, e.g. `marine-biology`: what a resolved query names. */
  readonly id: string;
  /** Display name in the map ("Film (Production and Studies)"). */
  readonly name: string;
  /** HESA CAH3 code and label, and the CAH2 group, or `null` where the map has none (Data Science). */
  readonly cah: string | null;
  readonly cah_label: string | null;
  readonly cah2: string | null;
  readonly aliases: readonly string[];
  readonly typical_degrees: readonly string[];
  /** Other HECoS terms in the same CAH3 group (hand-written entries only). */
  readonly related_hecos_terms?: readonly string[];
}

/** The subject map shipped with the server, from src/ or dist/. */
export const SUBJECT_MAP_PATH = new URL('../../../data/knowledge-base/uk-subject-map.json', import.meta.url);

/** Picks the fields the rules need from the map's JSON text (the knowledge base's loader validates the rest). */
export function readSubjectMap(json: string): MapSubjectFields[] {
  const raw = JSON.parse(json) as { subjects: MapSubjectFields[] };
  return raw.subjects.map((entry) => ({
    id: entry.id,
    name: entry.name,
    cah: entry.cah ?? null,
    cah_label: entry.cah_label ?? null,
    cah2: entry.cah2 ?? null,
    aliases: entry.aliases ?? [],
    typical_degrees: entry.typical_degrees ?? [],
    related_hecos_terms: entry.related_hecos_terms ?? [],
  }));
}

/** Every subject in the map, in file order (the hand-written entries first), read once at module load. */
export const SUBJECT_MAP: readonly MapSubjectFields[] = readSubjectMap(readFileSync(SUBJECT_MAP_PATH, 'utf8'));
