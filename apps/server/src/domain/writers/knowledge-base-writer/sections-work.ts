import { formatGbpRange, formatLongDate, isoDay } from '../../knowledge-base/format.js';
import type { InFieldRole } from '../../knowledge-base/schema.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import { withMarker, type WritingContext } from './context.js';

/** The Student visa step by step, in plain words. */
export function visaImmigration(ctx: WritingContext): string {
  return [
    '_General information in plain words, not legal advice: check GOV.UK (or a regulated immigration adviser) before you apply._',
    '',
    ctx.item('Offer and CAS', 'visa-cas-required'),
    ctx.item('When to apply', 'visa-when-to-apply-outside'),
    ctx.item('Fee', 'visa-fee-student-outside-uk'),
    ctx.item('Decision time', 'visa-decision-time'),
    ctx.item('Proof of money', 'visa-28-day-rule', 'visa-funds-types'),
    ctx.item('English', 'english-student-b2'),
    ctx.item('TB test', 'visa-tb-test', 'visa-tb-validity'),
    ctx.item('Health surcharge', 'ihs-student-rate'),
    ctx.item('Work while you study', 'work-20-hours-degree', 'work-vacation-full-time'),
    ctx.item('Family', 'dependants-pgr-only'),
    ctx.item('Your status', 'visa-evisa'),
    ctx.item('Benefits', 'visa-no-public-funds'),
    ...ctx.extras('visa_immigration'),
  ].join('\n');
}

/** The Graduate route's announced shortening, with whether it already applies on `input.now`. */
function graduateChange(ctx: WritingContext): string {
  const change = ctx.fact('graduate-18-months');
  if (!change) return `- **Announced change:** ${NOT_AVAILABLE}.`;
  if (!change.effectiveFrom) return `- **Announced change:** ${ctx.quote(change)}`;
  const from = formatLongDate(change.effectiveFrom);
  const when =
    isoDay(ctx.input.now) >= change.effectiveFrom
      ? 'This shorter period already applies to applications made today.'
      : `Applications made before ${from} still get the current length, so check which rule applies on the date you expect to apply.`;
  return `- **From ${from}:** ${ctx.quote(change)} ${when}`;
}

/** The Graduate route (now and after its shortening) and the Skilled Worker route after it. */
export function postStudyWork(ctx: WritingContext): string {
  return [
    ctx.item('Graduate visa today', 'graduate-length-current'),
    graduateChange(ctx),
    ctx.item('Who can apply', 'graduate-eligibility'),
    ctx.item('Cost', 'graduate-fee'),
    ctx.item('What you can do', 'graduate-work-freedom'),
    ctx.item('Limits', 'graduate-one-time-no-extension', 'graduate-no-settlement'),
    ctx.item('Switching before you finish', 'graduate-switch-restriction'),
    '',
    '**Staying longer: the Skilled Worker visa**',
    '',
    ctx.item('Salary', 'sw-general-threshold'),
    ctx.item('New entrants', 'sw-new-entrant'),
    ctx.item('Skill level', 'sw-rqf6'),
    ctx.item('English', 'english-skilled-worker-b2'),
    ctx.item('Settlement', 'sw-settlement-current'),
    ...ctx.extras('post_study_work'),
  ].join('\n');
}

const SPONSORSHIP: Readonly<Record<string, string>> = {
  true: 'can lead to Skilled Worker sponsorship if the pay meets the rules',
  false: 'unlikely to lead to Skilled Worker sponsorship on its own',
  depends: 'sponsorship depends on the exact job code and pay',
};

function roleLine(role: InFieldRole, marker: string): string {
  const code = role.soc_code ? ` (SOC ${role.soc_code})` : '';
  const pay = formatGbpRange(role.typical_salary_gbp);
  const text = `about ${pay} a year; ${SPONSORSHIP[String(role.skilled_worker_eligible)]}.${role.notes ? ` ${role.notes}` : ''}`;
  return `- **${role.title}**${code}: ${withMarker(text, marker)}`;
}

/** The subject's job market and roles with salaries and sponsorship (or what is not available), then the rules. */
export function jobProspects(ctx: WritingContext): string {
  const { entry, subjectFact } = ctx;
  const lines: string[] = [];
  if (entry && subjectFact) {
    lines.push(ctx.quote(subjectFact), '', 'Roles graduates aim for (indicative pay, entry to experienced):', '');
    const marker = ctx.cite(subjectFact);
    lines.push(...entry.in_field_roles.map((role) => roleLine(role, marker)));
    if (entry.in_field_roles.length === 0) lines.push(`- ${NOT_AVAILABLE}.`);
  } else {
    lines.push(`In-field roles and salaries for ${ctx.subjectName}: ${NOT_AVAILABLE}.`);
  }
  lines.push(
    '',
    ctx.item('Which jobs can be sponsored', 'sw-eligibility-depends-on-soc'),
    ctx.item('Pay for new entrants', 'sw-new-entrant'),
    ctx.item('Graduate market', 'job-ise-2025'),
    ctx.item('Employers and visas', 'job-employers-visa-hesitancy'),
    ...ctx.extras('job_prospects_in_field'),
  );
  return lines.join('\n');
}

/** Realistic part-time and stop-gap jobs (their pay cited to the pay floor), the pay floor, and what the visa forbids. */
export function fallbackJobs(ctx: WritingContext): string {
  const { entry, subjectFact } = ctx;
  const lines = [
    ctx.item('Pay floor', 'fallback-nlw-2026'),
    ctx.item('Hours', 'work-20-hours-degree', 'work-week-definition'),
    ctx.item('What that adds up to', 'fallback-earnings-ceiling'),
    ctx.item('Better-paying employers', 'fallback-real-living-wage'),
    ctx.item('Tax', 'fallback-tax-allowance'),
    ctx.item('Not allowed', 'work-prohibited-activities', 'work-gig-delivery', 'fallback-tutoring-rule'),
    ctx.item('Care work', 'fallback-care-parttime'),
    ...ctx.extras('fallback_job_prospects'),
  ];
  const payFact = ctx.fact('fallback-nlw-2026') ?? subjectFact;
  if (entry && payFact && entry.fallback_roles.length > 0) {
    const marker = ctx.cite(payFact);
    lines.push('', 'Jobs students commonly take alongside their studies:', '');
    for (const role of entry.fallback_roles) {
      const text = `${role.typical_pay}.${role.notes ? ` ${role.notes}` : ''}`;
      lines.push(`- **${role.title}:** ${withMarker(text, marker)}`);
    }
  }
  return lines.join('\n');
}
