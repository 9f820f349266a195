import type { Candidate } from './candidate.js';
import { listWords } from './field-facts.js';
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

/** The id of the retrieved fact that names the other subjects HESA files in the subject's CAH2 group. */
export const relatedCoursesFactId = (entry: MapSubject): string => `related-courses:${entry.id}`;

/** Other subjects of the group named at most. */
const MAX_RELATED_COURSES = 5;

/**
 * The other subjects of the map in the same CAH2 group (whose graduates' jobs the Fallback section lists), cited to
 * HESA's mapping; null when the group holds no other subject or the entry has no HESA source.
 */
export function relatedCoursesFact(entry: MapSubject, subjects: readonly MapSubject[]): Candidate | null {
  const group = entry.graduate_earnings?.cah2_name;
  if (!entry.cah2 || !group) return null;
  const names = subjects
    .filter((s) => s.id !== entry.id && s.cah2 === entry.cah2)
    .map((s) => s.name)
    .slice(0, MAX_RELATED_COURSES);
  const sources = entry.source_ids.filter((id) => id === 'hesa-hecos-cah-mapping');
  if (names.length === 0 || sources.length === 0) return null;
  return {
    id: relatedCoursesFactId(entry),
    topic: 'english',
    statement: `Other subjects HESA files in the ${group} group include ${listWords(names)}.`,
    confidence: 'high',
    sourceIds: sources,
    allSources: true,
  };
}
