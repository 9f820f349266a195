import { isoDay } from '../knowledge-base/format.js';
import { subjectTuitionFactId } from '../knowledge-base/retrieve.js';
import { moneyTable, type MoneyFact, type MoneyTable } from '../money/money-table.js';
import { EMPTY_PROFILE, type StudentProfile } from '../profile/types.js';
import type { RetrievedFact, WriterInput } from '../report/types.js';
import { addMonths } from '../timeline/dates.js';
import { timelineForProfile } from '../timeline/for-profile.js';
import { timelineRulesFromFacts, type FactLike } from '../timeline/rules.js';
import type { Timeline } from '../timeline/timeline.js';

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

/** The personal view of a writer input (an input without a profile is written for an empty one). */
export function personalView(input: WriterInput): PersonalView {
  const profile = input.profile ?? EMPTY_PROFILE;
  const today = isoDay(input.now);
  const facts = input.retrieval.facts.map(factLike);
  const { timeline, assumed } = timelineForProfile(profile, today, facts);
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
    assumed: [...assumed, ...place, ...timeline.warnings],
    london,
    money,
    thresholdFactId: healthAndCare(input.retrieval.facts) ? 'sw-health-care-threshold' : 'sw-new-entrant',
  };
}
