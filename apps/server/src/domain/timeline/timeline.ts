import type { StudyLevel } from '../profile/types.js';
import { courseLength, type CourseLength } from './course.js';
import { addDays, addMonths, firstOfMonth, formatDate, later } from './dates.js';
import type { DatedChange, GraduateLengthRule, RuleSource, TimelineRules } from './rules.js';

/** What a timeline is computed from. `today` is `YYYY-MM-DD`, `intake` `YYYY-MM`. */
export interface TimelineInput {
  readonly today: string;
  readonly intake: string;
  readonly level: StudyLevel;
  readonly city?: string | null;
  readonly rules: TimelineRules;
  /** The subject's own course length, where the knowledge base records one; else the level's usual length. */
  readonly course?: CourseLength | null;
}

/** The steps a timeline holds, in date order. */
export type TimelineStepKey =
  | 'visa_window_opens'
  | 'funds_held'
  | 'tb_test'
  | 'visa_decision'
  | 'travel'
  | 'course_start'
  | 'course_end'
  | 'graduate_application'
  | 'skilled_worker_switch';

/**
 * One dated step. `date` is the first day it can or should happen (never before its window opens), `until` the
 * last (a deadline) where there is one; both `null` when the knowledge base lacks the rule, `unknown` says which.
 */
export interface TimelineStep {
  readonly key: TimelineStepKey;
  readonly title: string;
  readonly date: string | null;
  readonly until: string | null;
  readonly text: string;
  readonly factIds: readonly string[];
  /** Rules that start or end after today and on or before this step's last date. */
  readonly changesBefore: readonly DatedChange[];
  readonly unknown: string | null;
}

/** The Graduate route's length that applies to this student's application window. */
export interface GraduateLength {
  readonly months: number;
  readonly factIds: readonly string[];
}

/** A student's dates, from today to the first possible Skilled Worker switch. */
export interface Timeline {
  readonly today: string;
  readonly intake: string;
  readonly level: StudyLevel;
  readonly courseStart: string;
  readonly courseEnd: string;
  readonly courseMonths: number;
  /** The course length the dates assume, with the sentence that says so. */
  readonly course: CourseLength;
  readonly steps: readonly TimelineStep[];
  /** The Graduate length in force on the earliest application date; `null` when the facts do not say. */
  readonly graduateLength: GraduateLength | null;
  /** Rules that change between today and the last step, each as a plain sentence ("From 1 April 2027: …"). */
  readonly changes: readonly (DatedChange & { readonly notice: string })[];
  /** Says that figures are today's unless a change is named (empty when nothing changes). */
  readonly changeNote: string;
  /** What was assumed (start on the 1st, the course length) and any problem with the dates (a start too soon). */
  readonly assumptions: readonly string[];
  readonly warnings: readonly string[];
}

const UNKNOWN = 'the knowledge base holds no rule for this date, so it is not given';

function ids(...sources: (RuleSource | null)[]): string[] {
  return sources.flatMap((source) => (source ? [...source.factIds] : []));
}

/** The Graduate rule in force for an application made on `date`. */
export function graduateRuleOn(rules: readonly GraduateLengthRule[], date: string): GraduateLengthRule | null {
  const inForce = rules.filter((rule) => (rule.from ?? '') <= date && (rule.until === null || date <= rule.until));
  return inForce.sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0] ?? null;
}

function graduateMonths(rule: GraduateLengthRule, level: StudyLevel): number {
  return level === 'postgraduate_research' && rule.doctoralMonths !== null ? rule.doctoralMonths : rule.months;
}

/** A whole number of months in words: "2 years", "18 months", "1 year". */
export function lengthWords(months: number): string {
  if (months % 12 === 0) return `${months / 12} year${months === 12 ? '' : 's'}`;
  return `${months} month${months === 1 ? '' : 's'}`;
}

function daysWords(days: number): string {
  return days % 7 === 0 ? `${days / 7} week${days === 7 ? '' : 's'}` : `${days} days`;
}

function notice(change: DatedChange): string {
  return `${change.kind === 'starts' ? 'From' : 'Until'} ${formatDate(change.date)}: ${change.statement}`;
}

interface Draft {
  key: TimelineStepKey;
  title: string;
  date: string | null;
  until?: string | null;
  text: string;
  factIds: string[];
}

/**
 * Computes a student's timeline from the intake month, the level (course length, 4 years for a bachelor's in
 * Scotland) and the dated rules. Pure: `today` is an input. The visa application date is the day the window
 * opens, or 28 days of holding funds from today when that is later.
 */
export function buildTimeline(input: TimelineInput): Timeline {
  const { today, intake, level, rules } = input;
  const course = input.course ?? courseLength(level, input.city);
  const start = firstOfMonth(intake);
  const end = addDays(addMonths(start, course.months), -1);
  const warnings: string[] = [];
  const drafts: Draft[] = [];

  const opens = rules.visaWindow ? addMonths(start, -rules.visaWindow.months) : null;
  const apply = opens === null ? null : later(opens, rules.funds ? addDays(today, rules.funds.heldDays) : today);
  drafts.push({
    key: 'visa_window_opens',
    title: 'Apply for the Student visa (CAS first)',
    date: apply,
    until: start,
    text:
      opens === null
        ? 'Apply for the Student visa once the university has issued your CAS.'
        : `You can apply from outside the UK from ${formatDate(opens)}, ${rules.visaWindow!.months} months before the course starts, ` +
          `once the university has issued your CAS${apply !== opens ? `; the earliest you can apply with funds held from today is ${formatDate(apply!)}` : ''}.`,
    factIds: ids(rules.visaWindow, rules.cas),
  });

  const fundsStart = apply && rules.funds ? addDays(apply, -rules.funds.heldDays) : null;
  drafts.push({
    key: 'funds_held',
    title: 'Hold the money for 28 days',
    date: fundsStart,
    until: apply && rules.funds ? addDays(apply, -1) : null,
    text:
      fundsStart && rules.funds
        ? `Keep the unpaid first-year tuition and the living-cost funds in the account every day for ${rules.funds.heldDays} consecutive days; ` +
          `the period must end no more than ${rules.funds.endWithinDays} days before you apply.`
        : 'Hold the required money before applying.',
    factIds: ids(rules.funds),
  });

  const tbOpens = apply && rules.tbValidity ? later(addMonths(apply, -rules.tbValidity.months), today) : null;
  drafts.push({
    key: 'tb_test',
    title: 'TB test',
    date: tbOpens,
    until: apply,
    text: rules.tbValidity
      ? `Take the TB test at a Home Office-approved clinic no earlier than this, so the certificate (valid ${rules.tbValidity.months} months) is still valid when you apply.`
      : 'Take the TB test at a Home Office-approved clinic before you apply.',
    factIds: ids(rules.tbRequired, rules.tbValidity),
  });

  const decided = apply && rules.decision ? addDays(apply, rules.decision.days) : null;
  drafts.push({
    key: 'visa_decision',
    title: 'Visa decision expected',
    date: decided,
    text: rules.decision
      ? `Decisions from outside the UK usually take about ${daysWords(rules.decision.days)}.`
      : 'Wait for the decision before booking travel.',
    factIds: ids(rules.decision),
  });

  const arrive = rules.arrival ? addMonths(start, -rules.arrival.months) : null;
  drafts.push({
    key: 'travel',
    title: 'Travel to the UK',
    date: arrive && decided ? later(arrive, decided) : arrive,
    until: start,
    text: rules.arrival
      ? `You can arrive up to ${lengthWords(rules.arrival.months)} before the course starts.`
      : 'Arrive before the course starts.',
    factIds: ids(rules.arrival),
  });

  drafts.push({
    key: 'course_start',
    title: 'Course starts',
    date: start,
    text: `The course starts (${course.note}).`,
    factIds: [...(course.factIds ?? [])],
  });
  drafts.push({
    key: 'course_end',
    title: 'Course ends',
    date: end,
    text: `The course ends after ${lengthWords(course.months)}.`,
    factIds: [...(course.factIds ?? [])],
  });

  const extra = rules.leave
    ? course.months >= rules.leave.longFromMonths
      ? rules.leave.longExtraMonths
      : rules.leave.shortExtraMonths
    : null;
  const visaEnds = extra === null ? null : addMonths(end, extra);
  const graduateFrom = addDays(end, 1);
  const ruleFirst = graduateRuleOn(rules.graduate, graduateFrom);
  const ruleLast = visaEnds ? graduateRuleOn(rules.graduate, visaEnds) : ruleFirst;
  const graduateLength = ruleFirst ? { months: graduateMonths(ruleFirst, level), factIds: ruleFirst.factIds } : null;
  let graduateText = graduateLength
    ? `Apply for the Graduate visa from inside the UK once the university reports that you completed; the Graduate visa in force then lasts ${lengthWords(graduateLength.months)}.`
    : 'Apply for the Graduate visa from inside the UK once the university reports that you completed.';
  if (ruleFirst && ruleLast && ruleLast !== ruleFirst) {
    graduateText += ` Applications from ${formatDate(ruleLast.from ?? graduateFrom)} get ${lengthWords(graduateMonths(ruleLast, level))}.`;
  }
  if (visaEnds) graduateText += ` Apply before your Student visa ends on ${formatDate(visaEnds)}.`;
  drafts.push({
    key: 'graduate_application',
    title: 'Graduate visa application',
    date: graduateFrom,
    until: visaEnds,
    text: graduateText,
    factIds: [
      ...ids(rules.graduateApplication, rules.leave),
      ...new Set([...(ruleFirst?.factIds ?? []), ...(ruleLast?.factIds ?? [])]),
    ],
  });

  const researchMonths = rules.switchRule?.researchAfterMonths ?? null;
  const switchDate = rules.switchRule
    ? level === 'postgraduate_research' && researchMonths !== null
      ? addMonths(start, researchMonths)
      : graduateFrom
    : null;
  drafts.push({
    key: 'skilled_worker_switch',
    title: 'First Skilled Worker start date',
    date: switchDate,
    text:
      level === 'postgraduate_research' && researchMonths !== null
        ? `Research students may switch to Skilled Worker after ${researchMonths} months of study.`
        : 'A Skilled Worker job can start only after the course end date; you may apply before it while on the Student visa.',
    factIds: ids(rules.switchRule),
  });

  if (apply && decided && decided > start) {
    warnings.push(
      `Applying on ${formatDate(apply)}, the visa decision is expected around ${formatDate(decided)}, after the course starts on ${formatDate(start)}: ask the university about a later start or choose the next intake.`,
    );
  }

  const steps = drafts
    .map((draft) => finish(draft, today, rules.changes))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  const last = steps.reduce((max, step) => later(max, step.until ?? step.date ?? today), today);
  const changes = rules.changes
    .filter((change) => change.date > today && change.date <= last)
    .map((change) => ({ ...change, notice: notice(change) }));
  return {
    today,
    intake,
    level,
    courseStart: start,
    courseEnd: end,
    courseMonths: course.months,
    course,
    steps,
    graduateLength,
    changes,
    changeNote:
      changes.length === 0
        ? ''
        : `Figures are those in force on ${formatDate(today)}; the rules below change before your last date, and a figure they change is today’s until then.`,
    assumptions: [
      `Dates assume the course starts on ${formatDate(start)}; your CAS gives the real start date and every date here moves with it.`,
      `The course length: ${course.note}.`,
    ],
    warnings,
  };
}

function finish(draft: Draft, today: string, changes: readonly DatedChange[]): TimelineStep {
  const until = draft.until ?? null;
  const lastDay = until ?? draft.date;
  return {
    key: draft.key,
    title: draft.title,
    date: draft.date,
    until,
    text: draft.text,
    factIds: draft.factIds,
    changesBefore: lastDay ? changes.filter((change) => change.date > today && change.date <= lastDay) : [],
    unknown: draft.date === null ? UNKNOWN : null,
  };
}
