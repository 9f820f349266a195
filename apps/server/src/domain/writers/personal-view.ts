import { isoDay } from '../knowledge-base/format.js';
import { subjectTuitionFactId } from '../knowledge-base/retrieve.js';
import { moneyTable, type MoneyFact, type MoneyTable } from '../money/money-table.js';
import { EMPTY_PROFILE, type StudentProfile } from '../profile/types.js';
import type { RetrievedFact, Retrieval, WriterInput } from '../report/types.js';
import { addDays, addMonths, formatDate } from '../timeline/dates.js';
import { timelineForProfile } from '../timeline/for-profile.js';
import { timelineRulesFromFacts, type FactLike } from '../timeline/rules.js';
import { courseLength, isScottish, type CourseLength } from '../timeline/course.js';
import { lengthWords, type Timeline } from '../timeline/timeline.js';
import { courseFor, type SubjectCourse } from '../knowledge-base/course-lengths.js';

/**
 * What both writers write for one student: the profile, the timeline computed from it (the next September and a
 * taught master's when the student was not sure, said in `assumed`), London or not, the money table and the
 * Skilled Worker threshold that applies to the field's jobs. Pure: computed from the writer input alone.
 */
export interface PersonalView {
  readonly profile: StudentProfile;
  readonly timeline: Timeline;
  /** Sentences for the top of the report: what was assumed, and any problem with the dates. */
  readonly assumed: readonly string[];
  readonly london: boolean;
  readonly money: MoneyTable;
  /** The fact id of the pay threshold for the field's jobs: Health and Care Worker, or the new-entrant rate. */
  readonly thresholdFactId: 'sw-health-care-threshold' | 'sw-new-entrant';
}

/** Whole months from `from` to `to` (`YYYY-MM-DD`), a started month counted in full. */
export function monthsSpan(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) + (d2 >= d1 ? 1 : 0);
}

/** A retrieved fact in the shape the timeline reads. */
function factLike(fact: RetrievedFact): FactLike {
  return {
    id: fact.id,
    statement: fact.statement,
    value: fact.value,
    effective_from: fact.effectiveFrom,
    effective_until: fact.effectiveUntil,
  };
}

/** Whether the report's field leads to Health and Care Worker jobs (the outlook says so and the threshold was retrieved). */
function healthAndCare(facts: readonly RetrievedFact[]): boolean {
  const outlook = facts.find((f) => f.id.startsWith('outlook:'));
  return (
    facts.some((f) => f.id === 'sw-health-care-threshold') && (outlook?.statement.includes('Health and Care') ?? false)
  );
}

/** A subject's course as the length the dates assume: "an MSc Physiotherapy (pre-registration) usually lasts 2 years". */
export function subjectCourseLength(course: SubjectCourse): CourseLength {
  const [first = ''] = course.degree.split(/[\s/]/);
  const acronym = /^[A-Z][A-Za-z]*[A-Z]/.test(first);
  const degree = acronym ? course.degree : course.degree.charAt(0).toLowerCase() + course.degree.slice(1);
  const article = (acronym ? /^[AEFHILMNORSX]/ : /^[aeiou]/i).test(first) ? 'an' : 'a';
  const { months, upToMonths } = course;
  const span =
    months % 12 === 0 && upToMonths !== null && upToMonths % 12 === 0
      ? `${months / 12} to ${upToMonths / 12} years`
      : `${months} to ${upToMonths} months`;
  const range =
    upToMonths === null
      ? lengthWords(months)
      : `${span}; ${lengthWords(months)} ${months === 12 ? 'is' : 'are'} assumed here`;
  return { months: course.months, note: `${article} ${degree} usually lasts ${range}`, factIds: course.factIds };
}

/**
 * The subject's own course the dates assume for this student, where the knowledge base records its length at their
 * level and the student's words fit it; null for the level's usual length. A Scottish bachelor's keeps its 4 years
 * when the subject's course is no longer than the usual 3.
 */
export function courseForStudent(
  retrieval: Pick<Retrieval, 'subject' | 'mapEntry' | 'subjectEntry' | 'courses'>,
  profile: StudentProfile,
): CourseLength | null {
  const level = profile.level ?? 'postgraduate_taught';
  const names = [...(retrieval.mapEntry?.aliases ?? []), ...(retrieval.subjectEntry?.aliases ?? [])];
  const name = retrieval.mapEntry?.name ?? retrieval.subjectEntry?.name ?? retrieval.subject;
  const degrees = [...(retrieval.mapEntry?.typical_degrees ?? []), ...(retrieval.subjectEntry?.typical_degrees ?? [])];
  const course = courseFor(retrieval.courses ?? [], level, retrieval.subject, name, names, degrees);
  if (!course || (level === 'undergraduate' && isScottish(profile.city) && course.months <= 36)) return null;
  return subjectCourseLength(course);
}

/** Where a taught master's of the usual length would end, beside the subject's own longer (or shorter) course. */
export interface UsualCourse {
  /** "1-year", "18-month". */
  readonly adjective: string;
  /** The ISO day it would end. */
  readonly end: string;
  /** How much earlier (or later) every later date would come, in words ("1 year"). */
  readonly gap: string;
  readonly earlier: boolean;
}

/**
 * For a taught master's dated by the subject's own course (a 2-year pre-registration MSc), the usual-length master's
 * beside it: a nurse already registered may take a 1-year MSc instead. Null when the dates use the usual length, and
 * for other levels (a 5-year BDS has no 3-year twin).
 */
export function usualCourseBeside(timeline: Timeline, city: string | null): UsualCourse | null {
  const usual = courseLength(timeline.level, city);
  const gap = timeline.course.months - usual.months;
  if (!timeline.course.factIds || gap === 0 || timeline.level !== 'postgraduate_taught') return null;
  return {
    adjective: usual.months % 12 === 0 ? `${usual.months / 12}-year` : `${usual.months}-month`,
    end: addDays(addMonths(timeline.courseStart, usual.months), -1),
    gap: lengthWords(Math.abs(gap)),
    earlier: gap > 0,
  };
}

/** The summary's sentence on the usual-length master's, when the dates assume the subject's own course. */
function usualCourseSentence(timeline: Timeline, profile: StudentProfile): string[] {
  const usual = usualCourseBeside(timeline, profile.city);
  if (!usual) return [];
  const instead = `a ${usual.adjective} master’s would end on ${formatDate(usual.end)}, and every later date would come ${usual.gap} ${usual.earlier ? 'earlier' : 'later'} (see Study Options)`;
  // Without a level, the line before already says which course the dates assume.
  return [
    profile.level === null
      ? `${instead.charAt(0).toUpperCase()}${instead.slice(1)}.`
      : `The dates follow the subject’s own course (${timeline.course.note}); ${instead}.`,
  ];
}

/** The personal view of a writer input (an input without a profile is written for an empty one). */
export function personalView(input: WriterInput): PersonalView {
  const profile = input.profile ?? EMPTY_PROFILE;
  const today = isoDay(input.now);
  const facts = input.retrieval.facts.map(factLike);
  const { timeline, assumed } = timelineForProfile(profile, today, facts, courseForStudent(input.retrieval, profile));
  const arrivalMonths = timelineRulesFromFacts(facts, today).arrival?.months ?? 0;
  const visaEnds = timeline.steps.find((s) => s.key === 'graduate_application')?.until ?? timeline.courseEnd;
  const visaMonths = monthsSpan(addMonths(timeline.courseStart, -arrivalMonths), visaEnds);
  const london = profile.city === 'London';
  const byId = new Map<string, MoneyFact>(input.retrieval.facts.map((f) => [f.id, f]));
  const entry = input.retrieval.subjectEntry;
  const money = moneyTable(
    { level: timeline.level, london, courseMonths: timeline.courseMonths, visaMonths },
    byId,
    entry ? subjectTuitionFactId(entry) : undefined,
  );
  const place =
    profile.city === null
      ? ['You did not say where you will study: the money assumes a university outside London, where less is asked.']
      : [];
  return {
    profile,
    timeline,
    assumed: [...assumed, ...usualCourseSentence(timeline, profile), ...place, ...timeline.warnings],
    london,
    money,
    thresholdFactId: healthAndCare(input.retrieval.facts) ? 'sw-health-care-threshold' : 'sw-new-entrant',
  };
}
