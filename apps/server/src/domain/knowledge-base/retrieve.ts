import type { NumberedSource, RetrievedFact, Retrieval } from '../report/types.js';
import type { Candidate } from './candidate.js';
import { changesBetween, datesOf } from './dated-rules.js';
import {
  earningsFact,
  isProvenance,
  occupationFacts,
  outlookFact,
  regulatorFacts,
  sponsorableOn,
} from './field-facts.js';
import { formatGbp, formatGbpRange, isoDay } from './format.js';
import { coursesFact, relatedCoursesFact } from './field-courses.js';
import { fieldJobs } from './field-jobs.js';
import { writtenCourses, type SubjectCourse } from './course-lengths.js';
import { GENERAL_FACT_IDS, PROJECT_FACT_IDS, SUBJECT_FACT_IDS } from './general-facts.js';
import type { Occupation, TableSource } from './occupations-schema.js';
import type { Fact, KnowledgeBase, Source, SubjectEntry } from './schema.js';
import { describeCoverage, detailedEntry, findMapSubject, type MatchedVia } from './subject-map.js';
import { plainWords } from './plain-words.js';
import { relatedFacts, relatedJobs } from './related-jobs.js';
import { findSubject } from './subject-match.js';

export { findSubject } from './subject-match.js';

/** A sentence cites at most this many sources: the first (official) one and the text-checked ones after it. */
export const MAX_SOURCES_PER_FACT = 3;

/** How far ahead `retrieve` lists dated changes: about the length of a degree and the Graduate visa after it. */
export const CHANGES_HORIZON_YEARS = 5;

/**
 * Facts that matter for the field's jobs: the Health and Care Worker rules where one of them can be sponsored on that
 * route on `day` (dental nurses are on its list but cannot be sponsored at all), the shortage-list review.
 */
function fieldFactIds(occupations: readonly Occupation[], day: string): string[] {
  return [
    ...(occupations.some((o) => o.health_and_care && sponsorableOn(o, day))
      ? ['sw-health-care-threshold', 'sw-health-care-fee', 'ihs-health-care-exempt']
      : []),
    ...(occupations.some((o) => o.eligible === 'tsl' || o.eligible === 'isl') ? ['sw-tsl-mac-review'] : []),
  ];
}

/** The ISO day `years` after `day`. */
function addYears(day: string, years: number): string {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

/** What `retrieve` is asked for. */
export interface RetrievalQuery {
  /** The subject as the query rules returned it (for example "MSc Data Science"). */
  readonly subject: string;
  /** The subject-map id the query rules resolved (or one stored with the report); else found from the words. */
  readonly subjectId?: string | null;
  /** Whether the id is the subject's own entry or its nearest parent group. Default `entry`. */
  readonly matchedVia?: MatchedVia;
  /** The day whose rules apply ("today"); default the knowledge base's as-of date. */
  readonly on?: Date;
}

/** The id of the retrieved fact that carries a subject entry's demand notes. */
export function subjectFactId(entry: SubjectEntry): string {
  return `subject:${entry.id}`;
}

/** The id of the retrieved fact that carries a subject entry's indicative tuition ranges. */
export function subjectTuitionFactId(entry: SubjectEntry): string {
  return `subject-tuition:${entry.id}`;
}

/**
 * The project's own route to registration for a map entry whose map text is another profession's (see
 * `regulator_routes` in project-facts.json), as `regulatorFacts` takes it; undefined for every other entry.
 */
export function regulatorRoute(
  kb: KnowledgeBase,
  subjectId: string,
): { readonly statement: string; readonly sourceIds: readonly string[] } | undefined {
  const record = kb.regulatorRoutes?.find((r) => r.subject_id === subjectId);
  const fact = record && kb.facts.find((f) => f.id === record.fact_id);
  return fact ? { statement: plainWords(fact.statement), sourceIds: fact.source_ids } : undefined;
}

/** Every source of the three files by id (the facts file's record first where an id is in two files). */
export function allSources(kb: KnowledgeBase): Map<string, Source | TableSource> {
  const sources = new Map<string, Source | TableSource>();
  for (const source of [...kb.sources, ...kb.occupations.sources, ...kb.subjectMap.sources]) {
    if (!sources.has(source.id)) sources.set(source.id, source);
  }
  return sources;
}

/**
 * Retrieves what a report on `subject` needs: the facts file's own subject entry (tuition, demand) for a detailed
 * subject; from the subject map, whether the field's jobs can be sponsored, each mapped occupation with its status on
 * `on`, graduate earnings and the regulators; then the general facts every report needs and the subject's extra facts.
 * Sources are numbered 1..n in the order the facts first cite them; `copy-*` provenance sources are never cited.
 */
export function retrieve(kb: KnowledgeBase, query: RetrievalQuery): Retrieval {
  const day = query.on ? isoDay(query.on) : kb.as_of;
  const matchedVia = query.matchedVia ?? 'entry';
  const mapEntry = findMapSubject(kb, query.subject, query.subjectId, matchedVia);
  const entry = mapEntry ? detailedEntry(kb, mapEntry) : findSubject(kb, query.subject, query.subjectId);
  const factsById = new Map(kb.facts.map((fact) => [fact.id, fact]));
  const sourcesById = allSources(kb);
  const candidates: Candidate[] = entry ? subjectCandidates(entry, kb) : [];
  const socs = new Map(kb.occupations.occupations.map((o) => [o.soc, o]));
  const occupations = (mapEntry?.soc_codes ?? []).map((soc) => socs.get(soc)!);
  const related = mapEntry ? relatedJobs(mapEntry, kb.subjectMap.subjects, socs) : [];
  if (mapEntry) {
    const outlook = outlookFact(mapEntry, occupations, kb.occupations, day);
    if (outlook) candidates.push(outlook);
    candidates.push(...occupationFacts(occupations, kb.occupations, day));
    const earnings = earningsFact(mapEntry);
    if (earnings) candidates.push(earnings);
    candidates.push(...regulatorFacts(mapEntry, (id) => sourcesById.get(id)!.url, regulatorRoute(kb, mapEntry.id)));
    const courses = coursesFact(mapEntry);
    if (courses) candidates.push(courses);
    const relatedCourses = relatedCoursesFact(mapEntry, kb.subjectMap.subjects);
    if (relatedCourses) candidates.push(relatedCourses);
    candidates.push(...relatedFacts(related, kb.occupations.occupations, kb.occupations));
  }
  const courses = subjectCourses(kb, mapEntry?.id ?? null, entry);
  const seen = new Set<string>();
  const extraIds = [
    ...(entry ? (SUBJECT_FACT_IDS[entry.id] ?? []) : []),
    ...fieldFactIds(occupations, day),
    ...courses.flatMap((c) => c.factIds),
  ];
  for (const id of [...GENERAL_FACT_IDS, ...PROJECT_FACT_IDS, ...extraIds]) {
    const fact = factsById.get(id);
    // A low-confidence figure is left out of the report rather than stated.
    if (!fact || seen.has(id) || fact.confidence === 'low') continue;
    seen.add(id);
    candidates.push(factCandidate(fact));
  }
  const numbered = numberSources(candidates, sourcesById);
  const occupationIds = numbered.facts.filter((f) => f.id.startsWith('occupation:')).map((f) => f.id);
  return {
    subject: query.subject.trim(),
    asOf: kb.as_of,
    on: day,
    mapEntry,
    matchedVia,
    coverage: describeCoverage(kb, mapEntry?.id ?? null, matchedVia, query.subject),
    subjectEntry: entry,
    changes: changesBetween(kb, day, addYears(day, CHANGES_HORIZON_YEARS), occupations),
    fieldJobs: fieldJobs(occupations, kb.occupations, day, occupationIds),
    relatedJobs: related,
    courses,
    ...numbered,
  };
}

/**
 * The subject's courses with a recorded length: a detailed subject's typical degrees that say how long they last
 * (cited to its entry), then the project's sourced course lengths for the map entry (cited to their facts).
 */
export function subjectCourses(kb: KnowledgeBase, mapId: string | null, entry: SubjectEntry | null): SubjectCourse[] {
  const written = entry ? writtenCourses(entry.typical_degrees, subjectFactId(entry)) : [];
  const sourced = (kb.courseLengths ?? [])
    .filter((c) => c.subject_id === mapId)
    .map((c) => ({ degree: c.degree, level: c.level, months: c.months, upToMonths: null, factIds: [c.fact_id] }));
  return [...written, ...sourced];
}

/** The prefix of the ids of a detailed subject's typical roles and pay (`role:nursing:0`, …). */
export const roleFactIdPrefix = (entry: SubjectEntry): string => `role:${entry.id}:`;

/** A facts-file fact as a candidate: its dates resolved (`datesOf`), its source ids kept for numbering. */
export function factCandidate(fact: Fact): Candidate {
  const { source_ids: sourceIds, effective_from: _from, effective_until: _until, ...rest } = fact;
  const { effectiveFrom, effectiveUntil } = datesOf(fact);
  return {
    ...rest,
    ...(effectiveFrom ? { effectiveFrom } : {}),
    ...(effectiveUntil ? { effectiveUntil } : {}),
    sourceIds,
  };
}

/** The subject entry as facts: its indicative tuition (if any range applies) and its demand notes. */
export function subjectCandidates(entry: SubjectEntry, kb: KnowledgeBase): Candidate[] {
  const candidates: Candidate[] = [];
  const { ug, pg_taught: pgt } = entry.tuition_gbp_per_year_international;
  if (ug || pgt) {
    const amounts = [
      ug && `${formatGbpRange(ug)} a year for undergraduate degrees`,
      pgt && `${formatGbpRange(pgt)} a year for taught postgraduate degrees`,
    ].filter(Boolean);
    const missing = ug
      ? pgt
        ? ''
        : ' (there is no separate taught postgraduate route)'
      : ' (there is no undergraduate route)';
    const value = [ug && `UG ${formatGbpRange(ug)}`, pgt && `PGT ${formatGbpRange(pgt)}`].filter(Boolean).join('; ');
    candidates.push({
      id: subjectTuitionFactId(entry),
      topic: 'tuition',
      statement: `Indicative international tuition for ${entry.name} is about ${amounts.join(' and ')}${missing}.`,
      value,
      confidence: 'medium',
      note: 'Indicative estimate from sampled fee pages and general knowledge; always check the course page.',
      sourceIds: tuitionSourceIds(entry, kb),
    });
  }
  candidates.push({
    id: subjectFactId(entry),
    topic: 'job_market',
    statement: entry.demand_notes,
    confidence: 'medium',
    sourceIds: [...entry.source_ids],
  });
  entry.in_field_roles.forEach((role, index) => {
    const [low, high] = role.typical_salary_gbp;
    candidates.push({
      id: `${roleFactIdPrefix(entry)}${index}`,
      topic: 'job_market',
      statement: `${role.title}${role.soc_code ? ` (SOC ${role.soc_code})` : ''}: typically about ${formatGbp(low)} at entry to ${formatGbp(high)} with experience.`,
      value: formatGbpRange([low, high]),
      confidence: 'medium',
      sourceIds: [...entry.source_ids],
    });
  });
  return candidates;
}

/** The subject's own fee-page sources, or else those of the general tuition ranges. */
function tuitionSourceIds(entry: SubjectEntry, kb: KnowledgeBase): string[] {
  const feeSources = new Set(kb.facts.filter((fact) => fact.topic === 'tuition').flatMap((fact) => fact.source_ids));
  const own = entry.source_ids.filter((id) => feeSources.has(id));
  if (own.length > 0) return own;
  return kb.facts
    .filter((fact) => fact.id === 'tuition-ug-range' || fact.id === 'tuition-pgt-range')
    .flatMap((f) => f.source_ids);
}

/**
 * The sources a fact cites: never a `copy-*` provenance source; all of them for a fact whose sources each back a
 * part of it, else the first (official) one plus the text-checked ones after it, up to `MAX_SOURCES_PER_FACT`.
 */
function citedSourceIds(candidate: Candidate, sourcesById: ReadonlyMap<string, Source | TableSource>): string[] {
  const ids = [...new Set(candidate.sourceIds)].filter((id) => !isProvenance(id));
  if (candidate.allSources) return ids;
  const [first, ...rest] = ids;
  return first === undefined
    ? []
    : [first, ...rest.filter((id) => sourcesById.get(id)!.text_checked)].slice(0, MAX_SOURCES_PER_FACT);
}

/**
 * Numbers the sources of `candidates` 1..n in the order the facts first cite them and returns the facts with their
 * source numbers (statements in plain words) and the numbered sources.
 */
export function numberSources(
  candidates: readonly Candidate[],
  sourcesById: ReadonlyMap<string, Source | TableSource>,
): { facts: RetrievedFact[]; sources: NumberedSource[] } {
  const numbers = new Map<string, number>();
  const facts = candidates.map((candidate): RetrievedFact => {
    const { sourceIds: _ids, allSources: _all, statement, ...fact } = candidate;
    const sourceNumbers = citedSourceIds(candidate, sourcesById).map((id) => {
      if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
      return numbers.get(id)!;
    });
    return { ...fact, statement: plainWords(statement), sourceNumbers };
  });
  const sources = [...numbers].map(([id, n]): NumberedSource => {
    const source = sourcesById.get(id)!;
    return {
      n,
      sourceId: id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      accessedDate: source.accessed,
      textChecked: source.text_checked,
      // The knowledge base holds no verbatim quote from a page whose text was read: statements are its own words.
      excerpt: null,
    };
  });
  return { facts, sources };
}
