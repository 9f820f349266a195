import type { Candidate } from '../knowledge-base/candidate.js';
import { RULE_SUCCESSIONS, ruleInForce } from '../knowledge-base/dated-rules.js';
import { earningsFact, occupationFacts, outlookFact, regulatorFacts } from '../knowledge-base/field-facts.js';
import { isoDay } from '../knowledge-base/format.js';
import {
  allSources,
  factCandidate,
  findSubject,
  numberSources,
  regulatorRoute,
  subjectCandidates,
  subjectCourses,
} from '../knowledge-base/retrieve.js';
import type { KnowledgeBase } from '../knowledge-base/schema.js';
import { detailedEntry, findMapSubject } from '../knowledge-base/subject-map.js';
import type { MapSubject } from '../knowledge-base/subject-map-schema.js';
import type { StudentProfile } from '../profile/types.js';
import type { NumberedSource, RetrievedFact } from '../report/types.js';
import { timelineForProfile } from '../timeline/for-profile.js';
import { courseForStudent } from '../writers/personal-view.js';
import type { Timeline } from '../timeline/timeline.js';
import { knowledgeSearch, type SearchHit } from './search-index.js';
import { UK_CITIES } from '../profile/place.js';
import { cityNamed } from './question-rules.js';
import { expandQuery, questionTerms, type ExpandedQuery } from './words.js';

/** The report a follow-up is asked on: what it is about and who it is written for. */
export interface ReportContext {
  readonly subject: string;
  readonly subjectId: string | null;
  readonly profile: StudentProfile;
}

/** What retrieval found for one follow-up question, numbered for citing. */
export interface QuestionRetrieval {
  /** The facts most relevant to the question, best first, each with its source numbers. */
  readonly facts: readonly RetrievedFact[];
  /** Each fact's relevance score (same order as `facts`). */
  readonly scores: readonly number[];
  readonly sources: readonly NumberedSource[];
  /** The ISO day whose rules apply ("today"). */
  readonly on: string;
  readonly asOf: string;
  /** The student's dates (from the report's profile, assumptions filled in as the report does). */
  readonly timeline: Timeline;
  /** The UK city the answer is for: one the question names, else the report's. */
  readonly city: string | null;
  /** Whether the best match shares any meaningful word with the question; false = nothing relevant is held. */
  readonly relevant: boolean;
}

/** How many facts a follow-up answer is built from (and the recall of the question table is measured at). */
export const FACTS_PER_ANSWER = 5;

/** Score factors of the profile: the report's own subject, the student's city, level and dates. */
const BOOST = { ownSubject: 1.4, otherSubject: 0.7, city: 1.6, otherCity: 0.6, level: 1.25, occupation: 0.7 } as const;

/** At most this many single occupations among the facts of one answer, so that a job title does not crowd out the rules. */
const MAX_OCCUPATIONS = 2;

/** The facts of the London and the outside-London funds, and of London living costs. */
const LONDON_FACTS = new Set(['visa-maintenance-london', 'visa-maintenance-london-definition', 'costs-london-mis']);
const OUTSIDE_LONDON_FACTS = new Set(['visa-maintenance-outside-london', 'costs-upfront-example']);

/** Words that say a question is about pay (earnings lead a subject's facts) or about staying (the outlook leads). */
const PAY_WORDS = /\b(earn|salary|pay|paid|wage|income|make)\b/i;
const FEE_WORDS = /\b(fee|fees|tuition|cost|price)\b/i;

interface Scored {
  readonly candidate: Candidate;
  readonly score: number;
}

/**
 * Retrieves what answers `question` on the report: full-text search over the facts, occupations and subject entries
 * (see `search-index.ts`), weighted by the report's profile — its subject's own entry and jobs, the student's city
 * (or one the question names), level, and the rules in force on the student's dates — then turned into facts with
 * numbered sources, as a report's retrieval does. Pure.
 */
export function retrieveForQuestion(
  kb: KnowledgeBase,
  question: string,
  report: ReportContext,
  now: Date,
  limit = FACTS_PER_ANSWER,
): QuestionRetrieval {
  const on = isoDay(now);
  // The report's dates: its subject's own course length where the knowledge base records one, as the report used.
  const mapEntry = findMapSubject(kb, report.subject, report.subjectId);
  const subjectEntry = mapEntry ? detailedEntry(kb, mapEntry) : findSubject(kb, report.subject, report.subjectId);
  const courses = subjectCourses(kb, mapEntry?.id ?? null, subjectEntry);
  const course = courseForStudent({ subject: report.subject, mapEntry, subjectEntry, courses }, report.profile);
  const { timeline } = timelineForProfile(report.profile, on, kb.facts, course);
  const named = cityNamed(question);
  const city = named ?? report.profile.city;
  // A UK city other than London is, for the rules, "outside London".
  const expanded = expandQuery(named && named !== 'London' ? `${question} outside London` : question);
  const search = knowledgeSearch(kb);
  const hits = search.search(expanded.text);
  const scored = new Map<string, Scored>();
  const add = (candidate: Candidate, score: number): void => {
    const before = scored.get(candidate.id);
    if (!before || before.score < score) scored.set(candidate.id, { candidate, score });
  };
  const weigh = profileWeights(kb, report, mapEntry, city);
  for (const hit of hits) {
    for (const [candidate, share] of candidatesOf(kb, hit, question, on))
      add(candidate, hit.score * share * weigh(hit, candidate));
  }
  let occupations = 0;
  const ranked = inForceOnly(kb, [...scored.values()], timeline)
    .sort((a, b) => b.score - a.score || a.candidate.id.localeCompare(b.candidate.id))
    .filter((s) => !s.candidate.id.startsWith('occupation:') || ++occupations <= MAX_OCCUPATIONS)
    .slice(0, limit);
  const { facts, sources } = numberSources(
    ranked.map((r) => r.candidate),
    allSources(kb),
  );
  const relevant = coversQuestion(question, expanded, hits.slice(0, COVERING_HITS), (term) => search.isGeneric(term));
  return { facts, sources, scores: ranked.map((r) => r.score), on, asOf: kb.as_of, timeline, city, relevant };
}

/** How many of the best hits are read to judge whether the knowledge base covers the question. */
const COVERING_HITS = 3;
/** The share of the question's own telling words the best hits must cover (directly or through a synonym). */
const MIN_COVERAGE = 0.5;

/** Where a student is from says nothing about what they ask. */
const ORIGIN_WORDS = new Set(
  questionTerms(
    'india indian pakistan pakistani bangladesh bangladeshi sri lanka lankan nepal nepali nepalese british',
  ),
);
/** A UK city changes only which funds apply (in or outside London), never what a question is about. */
const UK_CITY_WORDS = new Set(UK_CITIES.flatMap(questionTerms));

/**
 * Whether the best hits answer the question rather than share a word with it: at least half of the question's own
 * telling words (not stop words, not words many documents hold, not where the student is from, not a UK city) are matched by
 * them exactly, directly or through the synonym the word brought. A named UK city counts as covered (the rules differ only in or outside London).
 */
function coversQuestion(
  question: string,
  expanded: ExpandedQuery,
  best: readonly SearchHit[],
  isGeneric: (term: string) => boolean,
): boolean {
  if (best.length === 0) return false;
  const matched = new Set(best.flatMap((hit) => hit.documentTerms));
  const telling = questionTerms(question).filter(
    (term) => !isGeneric(term) && !ORIGIN_WORDS.has(term) && !UK_CITY_WORDS.has(term),
  );
  if (telling.length === 0) return true;
  const covered = telling.filter(
    (term) =>
      matched.has(term) ||
      expanded.synonyms.some((use) => use.covers.includes(term) && use.adds.some((add) => matched.has(add))),
  );
  return covered.length / telling.length >= MIN_COVERAGE;
}

/** The day a succession's rule is read on for this student: the Graduate application date, else today. */
function successionDay(rule: string, timeline: Timeline): string {
  const graduate = timeline.steps.find((s) => s.key === 'graduate_application')?.date ?? timeline.courseEnd;
  return rule === 'graduate-length' ? graduate : timeline.today;
}

/**
 * Each rule that changes over time (`RULE_SUCCESSIONS`) stated once, as in force on the student's day (`ruleInForce`):
 * a found member of a succession is replaced by the member in force then, with the better score of the two.
 */
function inForceOnly(kb: KnowledgeBase, scored: readonly Scored[], timeline: Timeline): Scored[] {
  const byId = new Map(scored.map((s) => [s.candidate.id, s]));
  for (const [rule, ids] of Object.entries(RULE_SUCCESSIONS)) {
    const found = ids.map((id) => byId.get(id)).filter((s) => s !== undefined);
    if (found.length === 0) continue;
    const current = ruleInForce(kb, rule, successionDay(rule, timeline));
    const best = Math.max(...found.map((s) => s.score));
    for (const id of ids) byId.delete(id);
    if (current) byId.set(current.id, { candidate: factCandidate(current), score: best });
  }
  return [...byId.values()];
}

/** The facts one search hit stands for, each with its share of the hit's score. */
function candidatesOf(
  kb: KnowledgeBase,
  hit: SearchHit,
  question: string,
  day: string,
): (readonly [Candidate, number])[] {
  const { document } = hit;
  switch (document.kind) {
    case 'fact': {
      const fact = kb.facts.find((f) => f.id === document.key)!;
      return [[factCandidate(fact), 1]];
    }
    case 'occupation': {
      const occupation = kb.occupations.occupations.find((o) => o.soc === document.key)!;
      return occupationFacts([occupation], kb.occupations, day).map((candidate) => [candidate, 1] as const);
    }
    case 'subject': {
      const entry = kb.subjectMap.subjects.find((s) => s.id === document.key)!;
      const socs = new Set(entry.soc_codes);
      const occupations = kb.occupations.occupations.filter((o) => socs.has(o.soc));
      const sourceUrl = (id: string): string => allSources(kb).get(id)!.url;
      const pay = PAY_WORDS.test(question);
      const earnings = earningsFact(entry);
      const outlook = outlookFact(entry, occupations, kb.occupations, day);
      return [
        ...(earnings ? [[earnings, pay ? 1 : 0.8] as const] : []),
        ...(outlook ? [[outlook, pay ? 0.6 : 1] as const] : []),
        ...regulatorFacts(entry, sourceUrl, regulatorRoute(kb, entry.id)).map((candidate) => [candidate, 0.5] as const),
      ];
    }
    case 'detailed': {
      const entry = kb.subjects.find((s) => s.id === document.key)!;
      const fees = FEE_WORDS.test(question);
      return subjectCandidates(entry, kb).map(
        (candidate) => [candidate, candidate.topic === 'tuition' ? (fees ? 1 : 0.4) : fees ? 0.5 : 0.9] as const,
      );
    }
  }
}

/** The weight the report's profile gives one candidate of a hit. */
function profileWeights(
  kb: KnowledgeBase,
  report: ReportContext,
  mapEntry: MapSubject | null,
  city: string | null,
): (hit: SearchHit, candidate: Candidate) => number {
  const own = new Set<string>();
  if (mapEntry) {
    own.add(`map:${mapEntry.id}`);
    for (const soc of mapEntry.soc_codes) own.add(`occupation:${soc}`);
    const detailed = detailedEntry(kb, mapEntry);
    if (detailed) own.add(`detailed:${detailed.id}`);
  }
  const london = city === 'London';
  const level = report.profile.level;
  const levelWords =
    level === 'postgraduate_research'
      ? /\b(PhD|doctora|research)/
      : level === 'undergraduate'
        ? /\b(undergraduate|bachelor)/
        : level
          ? /\b(master|postgraduate)/
          : null;
  return (hit, candidate) => {
    const { id, kind } = hit.document;
    const subjectKind = kind === 'subject' || kind === 'detailed';
    let weight = own.has(id) ? BOOST.ownSubject : subjectKind ? BOOST.otherSubject : 1;
    if (kind === 'occupation') weight *= BOOST.occupation;
    if (city !== null && LONDON_FACTS.has(candidate.id)) weight *= london ? BOOST.city : BOOST.otherCity;
    if (city !== null && OUTSIDE_LONDON_FACTS.has(candidate.id)) weight *= london ? BOOST.otherCity : BOOST.city;
    if (levelWords?.test(candidate.statement)) weight *= BOOST.level;
    return weight;
  };
}
