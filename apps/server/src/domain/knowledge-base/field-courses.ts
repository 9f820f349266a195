import type { Candidate } from './candidate.js';
import type { MapSubject } from './subject-map-schema.js';

/** The id of the retrieved fact that says how HESA files the subject and what its courses may be called. */
export const coursesFactId = (entry: MapSubject): string => `courses:${entry.id}`;

/** Other names a course search should try, at most this many. */
const MAX_COURSE_NAMES = 5;

/**
 * How HESA files the subject (its CAH3 group, within the wider group its earnings belong to) and the other names
 * its courses go by (the HECoS terms mapped to the same group), cited to HESA's mapping; null without a CAH code.
 */
export function coursesFact(entry: MapSubject): Candidate | null {
  if (!entry.cah || !entry.cah_label) return null;
  const own = entry.name.toLowerCase();
  const names = [...new Set([...(entry.related_hecos_terms ?? []), ...entry.aliases])]
    .filter((n) => n.toLowerCase() !== own && !own.includes(n.toLowerCase()))
    .slice(0, MAX_COURSE_NAMES);
  const group = entry.graduate_earnings?.cah2_name;
  const where = `HESA files ${entry.name} under "${entry.cah_label}" (${entry.cah})${group ? `, part of the ${group} group` : ''}`;
  const sources = entry.source_ids.filter((id) => id === 'hesa-hecos-cah-mapping' || id === 'hesa-cah-xcah03');
  if (sources.length === 0) return null;
  return {
    id: coursesFactId(entry),
    topic: 'english',
    statement: names.length > 0 ? `${where}; related courses may be named ${names.join(', ')}.` : `${where}.`,
    confidence: 'high',
    sourceIds: sources,
    allSources: true,
  };
}
