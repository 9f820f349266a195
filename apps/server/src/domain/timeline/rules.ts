import { addDays } from './dates.js';

/**
 * The dated rules a timeline rests on, read out of the knowledge base's facts (never typed in from memory). Each
 * rule names the fact ids it came from; a rule the facts do not hold, or whose wording cannot be read, is `null`
 * and the timeline says the date it would give is unknown.
 */

/** The part of a knowledge-base fact the timeline reads (a subset of `uk-facts.json` `facts[]`). */
export interface FactLike {
  readonly id: string;
  readonly statement: string;
  readonly value?: string | null | undefined;
  readonly effective_from?: string | null | undefined;
  readonly effective_until?: string | null | undefined;
}

/** Where a rule comes from. */
export interface RuleSource {
  readonly factIds: readonly string[];
}

/** A rule that is a number of months (e.g. the visa window opens 6 months before the course starts). */
export interface MonthsRule extends RuleSource {
  readonly months: number;
}

/** A rule that is a number of days (e.g. a visa decision takes about 21 days). */
export interface DaysRule extends RuleSource {
  readonly days: number;
}

/** The funds rule: money held `heldDays` consecutive days, the period ending at most `endWithinDays` before applying. */
export interface FundsRule extends RuleSource {
  readonly heldDays: number;
  readonly endWithinDays: number;
}

/** How long a Student visa lasts after the course: `longExtraMonths` for courses of `longFromMonths` or more. */
export interface LeaveRule extends RuleSource {
  readonly longFromMonths: number;
  readonly longExtraMonths: number;
  readonly shortExtraMonths: number | null;
}

/** The Graduate route's length for applications made between `from` and `until` (inclusive; `null` = open). */
export interface GraduateLengthRule extends RuleSource {
  readonly from: string | null;
  readonly until: string | null;
  readonly months: number;
  readonly doctoralMonths: number | null;
}

/** When a student may switch to a work route: after the course, or for research students after some months. */
export interface SwitchRule extends RuleSource {
  readonly researchAfterMonths: number | null;
}

/** A rule that starts or ends on a date after today. */
export interface DatedChange {
  readonly factId: string;
  readonly date: string;
  readonly kind: 'starts' | 'ends';
  readonly statement: string;
}

/** Every rule the timeline uses; see `timelineRulesFromFacts`. */
export interface TimelineRules {
  readonly cas: RuleSource | null;
  readonly visaWindow: MonthsRule | null;
  readonly funds: FundsRule | null;
  readonly decision: DaysRule | null;
  readonly tbValidity: MonthsRule | null;
  readonly tbRequired: RuleSource | null;
  readonly arrival: MonthsRule | null;
  readonly leave: LeaveRule | null;
  readonly graduateApplication: RuleSource | null;
  readonly graduate: readonly GraduateLengthRule[];
  readonly switchRule: SwitchRule | null;
  /** Rules in the facts that start or end after today, earliest first. */
  readonly changes: readonly DatedChange[];
}

/** The fact ids the timeline reads, by the rule they feed. */
export const TIMELINE_FACT_IDS = {
  cas: 'visa-cas-required',
  visaWindow: 'visa-when-to-apply-outside',
  funds: 'visa-28-day-rule',
  decision: 'visa-decision-time',
  tbRequired: 'visa-tb-test',
  tbValidity: 'visa-tb-validity',
  arrival: 'visa-arrival-window',
  leave: 'visa-length-of-leave',
  graduateApplication: 'graduate-eligibility',
  graduateNow: 'graduate-length-current',
  graduateNext: 'graduate-18-months',
  switchRule: 'graduate-switch-restriction',
} as const;

const UNIT_MONTHS: Readonly<Record<string, number>> = { year: 12, years: 12, month: 1, months: 1 };

/** The first "N years" or "N months" in `text`, in months; `null` when there is none. */
export function firstMonths(text: string | null | undefined): number | null {
  const match = /(\d+)\s*(years?|months?)\b/i.exec(text ?? '');
  return match ? Number(match[1]) * (UNIT_MONTHS[match[2].toLowerCase()] ?? 0) : null;
}

/** The first "N weeks" or "N days" in `text`, in days; `null` when there is none. */
export function firstDays(text: string | null | undefined): number | null {
  const match = /(\d+)\s*(weeks?|days?)\b/i.exec(text ?? '');
  if (!match) return null;
  return Number(match[1]) * (match[2].toLowerCase().startsWith('week') ? 7 : 1);
}

function capture(pattern: RegExp, text: string): number | null {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : null;
}

function months(fact: FactLike | undefined): MonthsRule | null {
  const value = fact ? (firstMonths(fact.value) ?? firstMonths(fact.statement)) : null;
  return fact && value !== null ? { months: value, factIds: [fact.id] } : null;
}

function funds(fact: FactLike | undefined): FundsRule | null {
  if (!fact) return null;
  const text = `${fact.value ?? ''} ${fact.statement}`;
  const heldDays = capture(/(\d+)\s*consecutive days/i, text);
  const endWithinDays = capture(/(?:≤|within)\s*(\d+)\s*days/i, text);
  return heldDays !== null && endWithinDays !== null ? { heldDays, endWithinDays, factIds: [fact.id] } : null;
}

function decision(fact: FactLike | undefined): DaysRule | null {
  const days = fact ? (firstDays(fact.value) ?? firstDays(fact.statement)) : null;
  return fact && days !== null ? { days, factIds: [fact.id] } : null;
}

function arrival(fact: FactLike | undefined): MonthsRule | null {
  const value = fact ? capture(/arrive up to (\d+) months? before/i, fact.statement) : null;
  return fact && value !== null ? { months: value, factIds: [fact.id] } : null;
}

function leave(fact: FactLike | undefined): LeaveRule | null {
  if (!fact) return null;
  const long = /(\d+) months or more is granted the course length plus (\d+) months/i.exec(fact.statement);
  if (!long) return null;
  return {
    longFromMonths: Number(long[1]),
    longExtraMonths: Number(long[2]),
    shortExtraMonths: capture(/to \d+ months gets the course length plus (\d+) months/i, fact.statement),
    factIds: [fact.id],
  };
}

function doctoral(fact: FactLike): number | null {
  const text = `${fact.value ?? ''} ${fact.statement}`;
  const years = capture(/\((\d+) for PhD\)/i, text) ?? capture(/PhD graduates keep (\d+) years?/i, text);
  return years === null ? null : years * 12;
}

function graduate(now: FactLike | undefined, next: FactLike | undefined): GraduateLengthRule[] {
  const rules: GraduateLengthRule[] = [];
  for (const fact of [now, next]) {
    const length = fact ? (firstMonths(fact.value) ?? firstMonths(fact.statement)) : null;
    if (!fact || length === null) continue;
    rules.push({
      from: fact.effective_from ?? null,
      until: fact.effective_until ?? null,
      months: length,
      doctoralMonths: doctoral(fact) ?? rules.at(-1)?.doctoralMonths ?? null,
      factIds: [fact.id],
    });
  }
  // A rule with no end date ends the day before the next one starts.
  return rules.map((rule, index) => {
    const nextFrom = rules[index + 1]?.from;
    return rule.until === null && nextFrom ? { ...rule, until: addDays(nextFrom, -1) } : rule;
  });
}

function switchRule(fact: FactLike | undefined): SwitchRule | null {
  if (!fact) return null;
  return { researchAfterMonths: capture(/after (\d+) months of study/i, fact.statement), factIds: [fact.id] };
}

function present(fact: FactLike | undefined): RuleSource | null {
  return fact ? { factIds: [fact.id] } : null;
}

/** Every fact whose rule starts (`effective_from`) or ends (`effective_until`) after `today`, earliest first. */
export function futureChanges(facts: readonly FactLike[], today: string): DatedChange[] {
  const changes: DatedChange[] = [];
  for (const fact of facts) {
    if (fact.effective_from && fact.effective_from > today) {
      changes.push({ factId: fact.id, date: fact.effective_from, kind: 'starts', statement: fact.statement });
    }
    if (fact.effective_until && fact.effective_until >= today) {
      changes.push({ factId: fact.id, date: fact.effective_until, kind: 'ends', statement: fact.statement });
    }
  }
  return changes.sort((a, b) => a.date.localeCompare(b.date) || a.factId.localeCompare(b.factId));
}

/** Reads the timeline's rules out of knowledge-base facts, as they stand on `today` (`YYYY-MM-DD`). */
export function timelineRulesFromFacts(facts: readonly FactLike[], today: string): TimelineRules {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const get = (key: keyof typeof TIMELINE_FACT_IDS): FactLike | undefined => byId.get(TIMELINE_FACT_IDS[key]);
  return {
    cas: present(get('cas')),
    visaWindow: months(get('visaWindow')),
    funds: funds(get('funds')),
    decision: decision(get('decision')),
    tbRequired: present(get('tbRequired')),
    tbValidity: months(get('tbValidity')),
    arrival: arrival(get('arrival')),
    leave: leave(get('leave')),
    graduateApplication: present(get('graduateApplication')),
    graduate: graduate(get('graduateNow'), get('graduateNext')),
    switchRule: switchRule(get('switchRule')),
    changes: futureChanges(facts, today),
  };
}
