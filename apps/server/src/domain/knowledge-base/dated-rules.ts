import { formatLongDate } from './format.js';
import type { Occupation } from './occupations-schema.js';
import type { Fact, KnowledgeBase } from './schema.js';

/**
 * Ends the facts file does not record as `effective_until` but states in words: the 2-year Graduate route applies to
 * applications made up to 31 December 2026, the ISL and TSL are due to end then, and the National Living Wage is
 * uprated every 1 April. A fact's own `effective_until` wins.
 */
export const KNOWN_ENDS: Readonly<Record<string, string>> = {
  'graduate-length-current': '2026-12-31',
  'sw-isl-tsl-expiry': '2026-12-31',
  'fallback-nlw-2026': '2027-03-31',
};

/** Rules that replace one another over time, as the fact ids in order; `ruleInForce` picks the one for a date. */
export const RULE_SUCCESSIONS: Readonly<Record<string, readonly string[]>> = {
  'graduate-length': ['graduate-length-current', 'graduate-18-months'],
  'national-living-wage': ['fallback-nlw-2026', 'fallback-nlw-2027-pending'],
};

/** A fact with its dates resolved. */
export interface DatedFact {
  readonly fact: Fact;
  readonly effectiveFrom: string | null;
  readonly effectiveUntil: string | null;
}

/**
 * Whether the facts file recorded a rule's end as its start: the fact has an `effective_from`, no `effective_until`,
 * and its own statement says the rule lasts "until" that very day ("… are allowed until 22 July 2028" with
 * `effective_from: 2028-07-22`). Read as recorded, the rule would begin on the day it ends.
 */
export function endRecordedAsStart(fact: Fact): boolean {
  const from = fact.effective_from;
  return (
    !fact.effective_until &&
    !!from &&
    fact.statement.includes('until ') &&
    fact.statement.includes(`until ${formatLongDate(from)}`)
  );
}

/**
 * A fact's dates: `effective_from` as recorded, `effective_until` as recorded or known (`KNOWN_ENDS`); a start that
 * the statement gives as the end (`endRecordedAsStart`) is read as the end, with the start unknown.
 */
export function datesOf(fact: Fact): DatedFact {
  if (endRecordedAsStart(fact)) return { fact, effectiveFrom: null, effectiveUntil: fact.effective_from ?? null };
  return {
    fact,
    effectiveFrom: fact.effective_from ?? null,
    effectiveUntil: fact.effective_until ?? KNOWN_ENDS[fact.id] ?? null,
  };
}

/** Whether a fact's rule applies on `day` (ISO): started on or before it and not ended before it. */
export function inForceOn(fact: Fact, day: string): boolean {
  const { effectiveFrom, effectiveUntil } = datesOf(fact);
  return (effectiveFrom === null || effectiveFrom <= day) && (effectiveUntil === null || day <= effectiveUntil);
}

/** The fact of a succession (`RULE_SUCCESSIONS`) that is in force on `day`; null when none is (or the rule is unknown). */
export function ruleInForce(kb: KnowledgeBase, rule: string, day: string): Fact | null {
  const ids = RULE_SUCCESSIONS[rule] ?? [];
  const facts = ids.map((id) => kb.facts.find((fact) => fact.id === id)).filter((fact) => fact !== undefined);
  return facts.find((fact) => inForceOn(fact, day)) ?? null;
}

/** One dated change: a rule that starts or ends, or an occupation's shortage-list place that ends. */
export interface RuleChange {
  /** The first day the change applies (the day after an end). */
  readonly date: string;
  readonly kind: 'starts' | 'ends';
  /** A fact id, or `occupation:<SOC>`. */
  readonly id: string;
  /** What changes, in plain words. */
  readonly text: string;
}

/** The ISO day after `day`. */
export function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The last day an occupation can be sponsored through a shortage list, or null when it is on none. */
export function listEnd(occupation: Occupation): string | null {
  return occupation.tsl_list_end ?? occupation.isl_list_end ?? occupation.list_end ?? null;
}

/**
 * What changes after `from` and up to and including `to` (ISO days): facts that take effect, facts whose rule ends,
 * and the shortage-list places of the given occupations that end; in date order. Pure.
 */
export function changesBetween(
  kb: KnowledgeBase,
  from: string,
  to: string,
  occupations: readonly Occupation[] = [],
): RuleChange[] {
  const changes: RuleChange[] = [];
  const within = (date: string): boolean => from < date && date <= to;
  for (const fact of kb.facts) {
    const { effectiveFrom, effectiveUntil } = datesOf(fact);
    if (effectiveFrom && within(effectiveFrom)) {
      changes.push({ date: effectiveFrom, kind: 'starts', id: fact.id, text: fact.statement });
    }
    if (effectiveUntil && within(dayAfter(effectiveUntil))) {
      changes.push({ date: dayAfter(effectiveUntil), kind: 'ends', id: fact.id, text: fact.statement });
    }
  }
  for (const occupation of occupations) {
    const end = listEnd(occupation);
    if (end && within(dayAfter(end))) {
      const list = occupation.on_tsl ? 'Temporary Shortage List' : 'Immigration Salary List';
      changes.push({
        date: dayAfter(end),
        kind: 'ends',
        id: `occupation:${occupation.soc}`,
        text: `SOC ${occupation.soc} ${occupation.title} leaves the ${list}.`,
      });
    }
  }
  return changes.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
