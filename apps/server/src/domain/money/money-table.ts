import type { StudyLevel } from '../profile/types.js';

/**
 * The "before you apply" money table: what a student pays or must show before the Student visa is granted, from
 * the knowledge base's figures (read out of the facts' values, never typed in) and the student's own dates. Pure.
 */

/** The part of a fact the table reads. */
export interface MoneyFact {
  readonly id: string;
  readonly value?: string | undefined;
  readonly statement: string;
}

/** One line of the table: an amount (or a range), what it is for, and the facts it rests on. */
export interface MoneyRow {
  readonly key: 'visa_fee' | 'health_surcharge' | 'maintenance' | 'tuition';
  readonly label: string;
  readonly low: number;
  readonly high: number;
  /** How the amount was reached ("£776 a year for 17 months of visa"). */
  readonly basis: string;
  readonly factIds: readonly string[];
}

/** The table with its total (a range when tuition is a range) and the rows the facts could not give. */
export interface MoneyTable {
  readonly rows: readonly MoneyRow[];
  readonly total: { readonly low: number; readonly high: number };
  /** Rows left out because the knowledge base has no figure for them (say so, never guess). */
  readonly missing: readonly MoneyRow['key'][];
}

/** What the table is computed for. */
export interface MoneyStudent {
  readonly level: StudyLevel;
  /** Whether the student studies in London (the higher living-cost funds). */
  readonly london: boolean;
  readonly courseMonths: number;
  /** The Student visa's whole length in months (arrival before the start to the end of leave). */
  readonly visaMonths: number;
}

/** The fact ids the table reads. Tuition is the subject's own fact when there is one, else the general range. */
export const MONEY_FACT_IDS = {
  visaFee: 'visa-fee-student-outside-uk',
  ihs: 'ihs-student-rate',
  london: 'visa-maintenance-london',
  outsideLondon: 'visa-maintenance-outside-london',
  undergraduate: 'tuition-ug-range',
  postgraduateTaught: 'tuition-pgt-range',
} as const;

/** Most months of living costs the visa asks a student to show. */
export const MAX_MAINTENANCE_MONTHS = 9;

/** Every £ amount in `text`, in order (`£1,529` → 1529, `£1,552.50` → 1552.5). */
export function poundAmounts(text: string | undefined): number[] {
  return [...(text ?? '').matchAll(/£\s?(\d[\d,]*(?:\.\d+)?)/g)].map((m) => Number(m[1].replace(/,/g, '')));
}

/** `1164` → `£1,164`; `1552.5` → `£1,552.50`. */
export function formatPounds(amount: number): string {
  const whole = Number.isInteger(amount);
  return `£${amount.toLocaleString('en-GB', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })}`;
}

/** `£a` or `£a–£b`. */
export function formatPoundRange(low: number, high: number): string {
  return low === high ? formatPounds(low) : `${formatPounds(low)}–${formatPounds(high)}`;
}

/**
 * The health surcharge for a visa of `months`: the yearly rate for each whole year, then half of it for a part-year
 * of 6 months or less and the whole of it for a longer part-year (the rule of `ihs-upfront-calculation`).
 */
export function healthSurcharge(yearlyRate: number, months: number): number {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return years * yearlyRate + (rest === 0 ? 0 : rest <= 6 ? yearlyRate / 2 : yearlyRate);
}

/** A subject's tuition value may hold both levels ("UG £16,000–£40,000; PGT £16,000–£42,000"): the part for `level`. */
function tuitionPart(value: string, level: StudyLevel): string | undefined {
  if (!/\b(UG|PGT)\b/.test(value)) return value;
  const label = level === 'undergraduate' ? 'UG' : 'PGT';
  return value.split(';').find((part) => part.trim().startsWith(`${label} `));
}

/** The tuition fact for a level: the subject's own when it gives this level, else the general range; none for research. */
export function tuitionFor(
  level: StudyLevel,
  facts: ReadonlyMap<string, MoneyFact>,
  subjectTuitionId?: string,
): { fact: MoneyFact; amounts: number[] } | null {
  if (level === 'postgraduate_research') return null;
  const own = subjectTuitionId ? facts.get(subjectTuitionId) : undefined;
  const ownAmounts = own?.value ? poundAmounts(tuitionPart(own.value, level)) : [];
  if (own && ownAmounts.length >= 1) return { fact: own, amounts: ownAmounts };
  const general = facts.get(
    level === 'undergraduate' ? MONEY_FACT_IDS.undergraduate : MONEY_FACT_IDS.postgraduateTaught,
  );
  const amounts = poundAmounts(general?.value);
  return general && amounts.length >= 1 ? { fact: general, amounts } : null;
}

/**
 * The "before you apply" table for one student: the visa fee, the health surcharge for this visa's length, the
 * living-cost funds for London or elsewhere and their months, the first year's tuition for the level, and the total.
 */
export function moneyTable(
  student: MoneyStudent,
  facts: ReadonlyMap<string, MoneyFact>,
  subjectTuitionId?: string,
): MoneyTable {
  const rows: MoneyRow[] = [];
  const missing: MoneyRow['key'][] = [];
  const fee = poundAmounts(facts.get(MONEY_FACT_IDS.visaFee)?.value)[0];
  if (fee === undefined) missing.push('visa_fee');
  else
    rows.push({
      key: 'visa_fee',
      label: 'Student visa fee',
      low: fee,
      high: fee,
      basis: 'per applicant',
      factIds: [MONEY_FACT_IDS.visaFee],
    });

  const rate = poundAmounts(facts.get(MONEY_FACT_IDS.ihs)?.value)[0];
  if (rate === undefined) missing.push('health_surcharge');
  else {
    const ihs = healthSurcharge(rate, student.visaMonths);
    rows.push({
      key: 'health_surcharge',
      label: 'Immigration Health Surcharge',
      low: ihs,
      high: ihs,
      basis: `${formatPounds(rate)} a year for a visa of ${student.visaMonths} months, paid up front`,
      factIds: [MONEY_FACT_IDS.ihs, ...(facts.has('ihs-upfront-calculation') ? ['ihs-upfront-calculation'] : [])],
    });
  }

  const fundsId = student.london ? MONEY_FACT_IDS.london : MONEY_FACT_IDS.outsideLondon;
  const monthly = poundAmounts(facts.get(fundsId)?.value)[0];
  if (monthly === undefined) missing.push('maintenance');
  else {
    const months = Math.min(MAX_MAINTENANCE_MONTHS, student.courseMonths);
    rows.push({
      key: 'maintenance',
      label: `Living-cost funds to show (${student.london ? 'London' : 'outside London'})`,
      low: monthly * months,
      high: monthly * months,
      basis: `${formatPounds(monthly)} a month × ${months} months`,
      factIds: [fundsId],
    });
  }

  const tuition = tuitionFor(student.level, facts, subjectTuitionId);
  if (!tuition) missing.push('tuition');
  else {
    const low = Math.min(...tuition.amounts);
    const high = Math.max(...tuition.amounts);
    rows.push({
      key: 'tuition',
      label: 'First-year tuition',
      low,
      high,
      basis: 'indicative range; the course page gives the real fee',
      factIds: [tuition.fact.id],
    });
  }
  const total = rows.reduce((sum, row) => ({ low: sum.low + row.low, high: sum.high + row.high }), { low: 0, high: 0 });
  return { rows, total, missing };
}
