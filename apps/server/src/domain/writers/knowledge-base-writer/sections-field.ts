import { listWords } from '../../knowledge-base/field-facts.js';
import { formatGbp } from '../../knowledge-base/format.js';
import {
  HEALTH_CARE_THRESHOLD_FACT,
  jobName,
  payFactIds,
  payWords,
  type FieldJob,
} from '../../knowledge-base/field-jobs.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import { withMarker, type WritingContext } from './context.js';

/**
 * What the UK-wide rules mean for this field: the summary's threshold (the pay a sponsor must offer in each of its
 * jobs), the group's earnings against those thresholds, the degrees at the student's level and the
 * field's own steps. Every figure comes from the occupation facts and the threshold facts they cite.
 */

/** The pay a sponsor must offer in one job, in words (no markers). */
function jobPay(job: FieldJob, ctx: WritingContext): string {
  const healthCare = job.healthAndCare ? ctx.fact(HEALTH_CARE_THRESHOLD_FACT)?.value : undefined;
  return payWords(job, healthCare, ctx.input.retrieval.mapEntry?.regulator != null, NOT_AVAILABLE, false);
}

/** Jobs named one by one in the summary's threshold at most; more are given as a range. */
export const MAX_JOBS_NAMED = 3;

/** `£a` or `£a–£b`: the lowest and highest of the figures (each one the table's). */
function range(amounts: readonly number[]): string {
  const low = Math.min(...amounts);
  const high = Math.max(...amounts);
  return low === high ? formatGbp(low) : `${formatGbp(low)}–${formatGbp(high)}`;
}

/** The pay of many open jobs as a range, new entrant then standard. */
function payRange(jobs: readonly FieldJob[]): string {
  return `the ${jobs.length} jobs that can be sponsored (each under Job Prospects): at least ${range(jobs.map((j) => j.newEntrantPay!))} as a new entrant, then ${range(jobs.map((j) => j.standardPay!))}, depending on the job`;
}

/**
 * The summary's threshold for this field's jobs: the concrete figures per job, jobs with the same figures together
 * (the Health and Care Worker threshold where it applies; the general £41,700 only where it is the one that bites).
 */
export function summaryThreshold(ctx: WritingContext): string | null {
  const jobs = ctx.input.retrieval.fieldJobs;
  if (jobs.length === 0) return null;
  // Many open jobs with their own rates: the summary gives the range, and each job's figures are under Job Prospects.
  const rated = jobs.filter(
    (j) => j.status.kind === 'open' && j.newEntrantPay !== null && j.standardPay !== null && !j.healthAndCare,
  );
  const ranged = rated.length > MAX_JOBS_NAMED ? rated : [];
  const groups = new Map<string, FieldJob[]>();
  for (const job of jobs.filter((j) => !ranged.includes(j))) {
    const key = jobPay(job, ctx);
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  const parts = [
    ...(ranged.length > 0 ? [payRange(ranged)] : []),
    ...[...groups].map(([words, members]) => `${listWords(members.map(jobName))}: ${words}`),
  ];
  return withMarker(
    `**Pay to be sponsored in your field's jobs:** ${parts.join('; ')}`,
    ctx.citeIds(jobs.flatMap(payFactIds)),
  );
}

/** The group's earnings against the thresholds its graduates' jobs must meet, where the comparison says something. */
export function earningsAgainstThresholds(ctx: WritingContext): string | null {
  const group = ctx.input.retrieval.mapEntry?.graduate_earnings;
  const earnings = ctx.input.retrieval.facts.find((f) => f.id.startsWith('earnings:'));
  const open = ctx.input.retrieval.fieldJobs.filter(
    (j) => j.status.kind === 'open' && j.newEntrantPay !== null && j.standardPay !== null,
  );
  if (!group || !earnings || open.length === 0 || group.level === 'postgraduate') return null;
  const entrant = Math.min(...open.map((j) => j.newEntrantPay!));
  const standard = Math.min(...open.map((j) => j.standardPay!));
  const first = group.other_years?.['1'];
  const points: string[] = [];
  if (first !== undefined && first < entrant)
    points.push(
      `one year after graduating the median (${formatGbp(first)}) is below the ${formatGbp(entrant)} a sponsor must pay a new entrant`,
    );
  const tenth = group.other_years?.['10'];
  if (group.median_gbp < standard)
    points.push(
      `five years after (${formatGbp(group.median_gbp)})${tenth !== undefined && tenth < standard ? ` and even ten years after (${formatGbp(tenth)})` : ''} it is below the ${formatGbp(standard)} that applies once the new-entrant rate ends`,
    );
  if (points.length === 0) return null;
  return withMarker(
    `**Pay in your field against the thresholds:** for UK graduates in ${group.cah2_name}, ${points.join(', and ')}; many jobs in the field pay less than sponsorship needs, so aim for the better-paid roles and check the salary before you accept`,
    ctx.citeIds([earnings.id, ...open.flatMap(payFactIds)]),
  );
}

/** The typical degrees that fit the student's level (a master's for a taught postgraduate, and so on). */
export function degreesForLevel(ctx: WritingContext): string[] {
  const degrees = ctx.input.retrieval.mapEntry?.typical_degrees ?? ctx.entry?.typical_degrees ?? [];
  const level = ctx.personal.timeline.level;
  const fits = (d: string): boolean =>
    level === 'undergraduate'
      ? /^(B|MBBS|MBChB|MPharm|MEng|MChem|MPhys|MMath|LLB|BDS|BVSc)/.test(d)
      : level === 'postgraduate_taught'
        ? /^(M|Graduate|Executive|PG|LLM)/.test(d) && !/^(MBBS|MBChB|MPharm)/.test(d)
        : /^(PhD|MPhil|MRes|DPhil)/.test(d);
  return degrees.filter(fits);
}

/** The field's own steps for the plan: its jobs to search for, its bodies to follow, the SOC code to check. */
export function fieldSteps(ctx: WritingContext): string[] {
  const { fieldJobs, mapEntry } = ctx.input.retrieval;
  const steps: string[] = [];
  const open = fieldJobs.filter((j) => j.status.kind === 'open');
  if (open.length > 0) {
    steps.push(
      withMarker(
        `- Look at vacancies for ${open.map(jobName).join(', ')} with employers that hold a sponsor licence, and note the salaries against the pay figures in the summary`,
        ctx.citeIds(['job-employers-visa-hesitancy']),
      ),
    );
  }
  if (mapEntry && mapEntry.professional_bodies.length > 0) {
    steps.push(
      `- Read the careers pages of ${mapEntry.professional_bodies.map((b) => `the ${b.name.replace(/^The /, '')}`).join(' and ')} (links under Job Prospects).`,
    );
  }
  return steps;
}
