import { DETAILED_SUBJECTS } from './general-facts.js';
import type { KnowledgeBase, SubjectEntry } from './schema.js';
import type { MapSubject } from './subject-map-schema.js';
import { bestPhraseMatch } from './subject-match.js';

/** How the query rules reached the map entry: the subject itself, or its nearest parent group. */
export type MatchedVia = 'entry' | 'parent';

/**
 * How deep the knowledge base goes for a subject: `detailed` (its own facts in `uk-facts.json`), `occupations` (a map
 * entry with its occupations and pay), `general` (only its parent group, or nothing at all).
 */
export type CoverageLevel = 'detailed' | 'occupations' | 'general';

/** A coverage level with the plain sentence that tells the student, before they pay, what the report will hold. */
export interface Coverage {
  readonly level: CoverageLevel;
  readonly note: string;
}

/**
 * HESA's grouping headings ("Others in psychology", "Biosciences (non-specific)", "Medicine by specialism", "Studies
 * of specific authors", "Combined, general or negotiated studies"): a heading, not a subject anyone names.
 */
const RESIDUAL_GROUP = /^others in\b|\(non-specific\)|\bby specialism\b|^studies of specific\b|^combined, general\b/i;
/** Placeholder awards generated from such a heading ("MSc Others in psychology", "BSc Medicine by specialism"). */
const PLACEHOLDER_AWARD = /\bothers in\b|\bby specialism\b|\bstudies of specific\b|\bcombined, general\b/i;

/**
 * A map entry as a report shows it. A grouping heading ("Others in psychology", reached from "cognitive psychology"
 * or "critical care nursing"; "Medicine by specialism", from "cardiology") takes the student's own words (`subject`,
 * the report's title) as its name, and its placeholder awards ("MSc Others in psychology", which the compiler
 * generated and no university awards) are left out, so no report names a subject or a degree that nobody studies.
 * Reached as a parent group (`matchedVia: 'parent'`), it keeps its own name. Any other entry is returned as it is.
 */
export function shownEntry(entry: MapSubject, subject: string, matchedVia: MatchedVia = 'entry'): MapSubject {
  if (!RESIDUAL_GROUP.test(entry.name)) return entry;
  // A parent group stands for a wider field than the student's words: it keeps its own name. The title may keep the
  // award ("MSc Cognitive Psychology"); the field's name is the subject alone.
  const words = (matchedVia === 'parent' ? '' : subject)
    .trim()
    .replace(
      /^(?:BSc|BA|BEng|BEd|MSc|MA|MRes|MPhil|MEng|MEd|PhD|DPhil|PGDip|PgDip|PGCert|PgCert)\b\s*(?:\(Hons\)\s*)?(?:in\s+)?/i,
      '',
    );
  return {
    ...entry,
    name: words !== '' && !RESIDUAL_GROUP.test(words) ? words : entry.name,
    typical_degrees: entry.typical_degrees.filter((degree) => !PLACEHOLDER_AWARD.test(degree)),
  };
}

/**
 * The subject-map entry for a report, as the report shows it (`shownEntry`): by `subjectId` when it is a map id, else
 * the entry whose name, aliases or typical degrees best match the subject's words (old reports store no id); null
 * when nothing matches. A parent group (`matchedVia: 'parent'`) is never named after the student's words.
 */
export function findMapSubject(
  kb: KnowledgeBase,
  subject: string,
  subjectId?: string | null,
  matchedVia: MatchedVia = 'entry',
): MapSubject | null {
  const subjects = kb.subjectMap.subjects;
  const byId = subjectId ? subjects.find((entry) => entry.id === subjectId) : undefined;
  const found =
    byId ?? bestPhraseMatch(subjects, (entry) => [entry.name, ...entry.aliases, ...entry.typical_degrees], subject);
  return found ? shownEntry(found, subject, matchedVia) : null;
}

/** The facts file's own entry for a map subject (a `detailed` subject), or null. */
export function detailedEntry(kb: KnowledgeBase, mapEntry: MapSubject | null): SubjectEntry | null {
  const id = mapEntry ? DETAILED_SUBJECTS[mapEntry.id] : undefined;
  return (id && kb.subjects.find((entry) => entry.id === id)) || null;
}

/**
 * The coverage of a resolved subject and the sentence that says what its report will and will not hold, naming the
 * subject as the report will (`subject`, the report's title, for a residual group). Pure: the `/queries` route shows
 * it before the student pays. An unknown id gets `general`.
 */
export function describeCoverage(
  kb: KnowledgeBase,
  subjectId: string | null,
  matchedVia: MatchedVia = 'entry',
  subject = '',
): Coverage {
  const found = subjectId ? kb.subjectMap.subjects.find((s) => s.id === subjectId) : undefined;
  const entry = found ? shownEntry(found, subject, matchedVia) : undefined;
  const always = 'the Student visa, money to show, work rights, the Graduate and Skilled Worker routes and their dates';
  if (!entry) {
    return {
      level: 'general',
      note: `We hold no subject-specific data for this subject: the report covers ${always}, and general fee ranges, but no jobs or pay for the field itself.`,
    };
  }
  const jobs = entry.soc_codes.length;
  const earnings = entry.graduate_earnings ? ', graduate earnings for its subject group' : '';
  const regulator = entry.regulator ? `, registration with the ${entry.regulator.name}` : '';
  const fieldContent = `the ${jobs} job${jobs === 1 ? '' : 's'} graduates usually enter (SOC code, whether it can be sponsored, going and new-entrant pay)${earnings}${regulator}`;
  if (matchedVia === 'parent') {
    return {
      level: 'general',
      note: `We do not hold this subject on its own, so the report uses its nearest group, ${entry.name}: ${fieldContent}, and ${always}. Jobs and pay are those of the wider group, and fees are general ranges.`,
    };
  }
  if (detailedEntry(kb, entry)) {
    return {
      level: 'detailed',
      note: `The report covers ${entry.name} in depth: indicative fees for the subject, ${fieldContent}, the job market for international graduates, and ${always}. It does not rank universities or give a fee for each course.`,
    };
  }
  return {
    level: 'occupations',
    note: `For ${entry.name}, the report covers ${fieldContent}, and ${always}. It has no course fees of its own for ${entry.name} (only the ranges for all subjects) and does not name universities.`,
  };
}
