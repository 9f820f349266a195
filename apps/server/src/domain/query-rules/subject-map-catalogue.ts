import { readFileSync } from 'node:fs';

/**
 * The fields of one subject-map entry (`data/knowledge-base/uk-subject-map.json`) that the query rules read to
 * recognise a subject. The knowledge base owns the file and its validation; this is the rules' narrow view of it.
 */
export interface MapSubject {
  /** Map id, e.g. `marine-biology`: what a resolved query names. */
  readonly id: string;
  /** Display name in the map ("Film (Production and Studies)"). */
  readonly name: string;
  /** HESA CAH3 code and label, and the CAH2 group, or `null` where the map has none (Data Science). */
  readonly cah: string | null;
  readonly cahLabel: string | null;
  readonly cah2: string | null;
  readonly aliases: readonly string[];
  readonly typicalDegrees: readonly string[];
  readonly relatedHecosTerms: readonly string[];
}

/** The subject map shipped with the server, from src/ or dist/. */
export const SUBJECT_MAP_PATH = new URL('../../../data/knowledge-base/uk-subject-map.json', import.meta.url);

interface RawSubject {
  id: string;
  name: string;
  cah?: string | null;
  cah_label?: string | null;
  cah2?: string | null;
  aliases?: string[];
  typical_degrees?: string[];
  related_hecos_terms?: string[];
}

/** Picks the fields the rules need from the map's JSON text (the knowledge base's loader validates the rest). */
export function readSubjectMap(json: string): MapSubject[] {
  const raw = JSON.parse(json) as { subjects: RawSubject[] };
  return raw.subjects.map((entry) => ({
    id: entry.id,
    name: entry.name,
    cah: entry.cah ?? null,
    cahLabel: entry.cah_label ?? null,
    cah2: entry.cah2 ?? null,
    aliases: entry.aliases ?? [],
    typicalDegrees: entry.typical_degrees ?? [],
    relatedHecosTerms: entry.related_hecos_terms ?? [],
  }));
}

/** Every subject in the map, in file order (the hand-written entries first), read once at module load. */
export const SUBJECT_MAP: readonly MapSubject[] = readSubjectMap(readFileSync(SUBJECT_MAP_PATH, 'utf8'));
