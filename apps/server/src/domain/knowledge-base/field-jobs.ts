import { listEnd } from './dated-rules.js';
import { formatGbp, formatLongDate } from './format.js';
import { sponsorStatus, type SponsorStatus } from './field-facts.js';
import type { Occupation, OccupationTable } from './occupations-schema.js';

/**
 * One of the field's jobs as both writers use it: its code and title, the id of the retrieved fact that states it,
 * whether it can be sponsored on the report's day, and the pay a sponsor must offer — the new-entrant rate for a
 * graduate switching from a Student or Graduate visa, then the higher of the general threshold and the going rate.
 * Every figure is one the occupation table or the threshold facts state; none is computed beyond taking the higher.
 */
export interface FieldJob {
  readonly soc: string;
  readonly title: string;
  /** The retrieved fact that states this occupation (`occupation:2112`, or a shared `occupation:2231,2232`). */
  readonly factId: string;
  readonly status: SponsorStatus;
  /** The last day of its shortage-list place, where it has one. */
  readonly listEnd: string | null;
  readonly healthAndCare: boolean;
  readonly goingRate: number | null;
  /** The published new-entrant rate (70 % of the going rate, floored at the new-entrant minimum). */
  readonly newEntrantPay: number | null;
  /** After the new-entrant years: the general threshold or the going rate, whichever is higher. */
  readonly standardPay: number | null;
  /** Whether the standard pay is the general threshold (the going rate is below it). */
  readonly generalApplies: boolean;
}

/** The field's jobs on `day`, in the map's order; `factIds` are the ids of the retrieved occupation facts. */
export function fieldJobs(
  occupations: readonly Occupation[],
  table: OccupationTable,
  day: string,
  factIds: readonly string[],
): FieldJob[] {
  const general = table.rules_context.general_threshold_gbp;
  return occupations.map((o) => {
    const factId =
      factIds.find((id) =>
        id
          .replace(/^occupation:/, '')
          .split(',')
          .includes(o.soc),
      ) ?? `occupation:${o.soc}`;
    const rate = o.going_rate_gbp;
    return {
      soc: o.soc,
      title: o.title,
      factId,
      status: sponsorStatus(o, day),
      listEnd: o.eligible === 'yes' ? null : listEnd(o),
      healthAndCare: o.health_and_care,
      goingRate: rate,
      newEntrantPay: o.new_entrant_gbp,
      standardPay: rate === null ? null : Math.max(rate, general),
      generalApplies: rate !== null && rate < general,
    };
  });
}

/** A job title in running text: `biological scientists (SOC 2112)`. */
export function jobName(job: Pick<FieldJob, 'soc' | 'title'>): string {
  const title = /^[A-Z][a-z]/.test(job.title) ? `${job.title.charAt(0).toLowerCase()}${job.title.slice(1)}` : job.title;
  return `${title} (SOC ${job.soc})`;
}

/** The threshold fact of the Health and Care Worker visa (£25,000 or the pay-band rate). */
export const HEALTH_CARE_THRESHOLD_FACT = 'sw-health-care-threshold';

/** The facts a job's pay words rest on: its occupation fact and the threshold facts they apply. */
export function payFactIds(job: FieldJob): string[] {
  if (job.status.kind !== 'open') return [job.factId];
  if (job.healthAndCare && job.goingRate === null) return [job.factId, HEALTH_CARE_THRESHOLD_FACT];
  return [job.factId, 'sw-new-entrant', 'sw-general-threshold'];
}

/**
 * The pay a sponsor must offer in one job, in words without markers (both writers use them): the new-entrant rate
 * then the standard figure, the Health and Care Worker threshold (`healthCare`, the fact's value), or why it cannot
 * be sponsored, in words that fit one job or several listed together. `notAvailable` is the report's words for a
 * missing figure; `withRate: false` leaves out which figure the standard pay is (for a summary that groups jobs with
 * the same figures).
 */
export function payWords(
  job: FieldJob,
  healthCare: string | undefined,
  registered: boolean,
  notAvailable: string,
  withRate = true,
): string {
  const { status } = job;
  if (status.kind === 'closed')
    return 'cannot be sponsored for a new Skilled Worker visa; on the Graduate visa you could still do this work';
  if (status.kind === 'list-ended')
    return `cannot be sponsored now: the shortage-list place ended on ${formatLongDate(status.ended)}`;
  if (status.kind === 'list') {
    return `can be sponsored only while on the ${status.list}${status.until ? ` (until ${formatLongDate(status.until)})` : ''}, which ends before a course starting now does`;
  }
  if (job.healthAndCare && job.goingRate === null) {
    return `at least ${healthCare ?? notAvailable} on the Health and Care Worker visa${registered ? ', once registered' : ''}`;
  }
  if (job.newEntrantPay === null || job.standardPay === null)
    return `${notAvailable}: the table gives no going rate for it`;
  const why = !withRate
    ? ''
    : job.generalApplies
      ? ` (its going rate, ${formatGbp(job.goingRate!)}, is below the general threshold)`
      : ' (its going rate)';
  return `at least ${formatGbp(job.newEntrantPay)} as a new entrant, then ${formatGbp(job.standardPay)}${why}`;
}
