import { formatLongDate } from '../../knowledge-base/format.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import type { NumberedSource } from '../../report/types.js';
import type { WritingContext } from './context.js';

/** Honest risks: refusals, university compliance, the jobs market, rule breaches, settlement, scams, change. */
export function risksRealityCheck(ctx: WritingContext): string {
  return [
    ctx.item('Visa refusals', 'risks-refusal-rates-pk-bd'),
    ctx.item('University compliance', 'risks-bca-thresholds', 'risks-recruitment-pauses'),
    ctx.item('Jobs market', 'job-unemployment-2025'),
    ctx.item('Breaking the work rules', 'work-breach-consequences'),
    ctx.item('Settlement may take longer', 'risks-earned-settlement'),
    ctx.item('Shortage lists ending', 'sw-isl-tsl-expiry'),
    ctx.item('Agents and scams', 'risks-agent-mis-selling', 'risks-sponsorship-scams'),
    ctx.item('Rules keep changing', 'risks-policy-volatility'),
    ...ctx.extras('risks_reality_check'),
  ].join('\n');
}

/** One step of the plan: an action, then the cited facts behind it (or that they are not available). */
function step(ctx: WritingContext, action: string, ...ids: string[]): string {
  return `- ${action} ${ctx.say(...ids) ?? `${NOT_AVAILABLE}.`}`;
}

function dayHeading(now: Date, days: number): string {
  return `**By ${formatLongDate(new Date(now.getTime() + days * 86_400_000))} (day ${days})**`;
}

/** The 30/60/90-day plan, dated from `input.now`. */
export function actionPlan(ctx: WritingContext): { '30_days': string; '60_days': string; '90_days': string } {
  const { entry, subjectFact, tuitionFact, input } = ctx;
  const shortlist =
    entry && tuitionFact
      ? `- Shortlist ${entry.name} courses (for example ${entry.typical_degrees.slice(0, 3).join(', ')}) and compare fees. ${ctx.quote(tuitionFact)}`
      : `- Shortlist courses in ${ctx.subjectName} from the universities' own course pages; course data for it is ${NOT_AVAILABLE.toLowerCase()} here.`;
  const days30 = [dayHeading(input.now, 30), '', shortlist, step(ctx, 'Check your English evidence.', 'english-student-b2')];
  if (entry?.regulated_profession && subjectFact) {
    days30.push(`- Make sure the course leads to registration. ${ctx.quote({ ...subjectFact, statement: entry.regulated_profession })}`);
  }
  const atas = ctx.say('visa-atas');
  if (atas) days30.push(`- Check whether your course needs ATAS. ${atas}`);
  days30.push(step(ctx, 'Work out the money you must show.', 'visa-maintenance-london', 'visa-maintenance-outside-london'));

  const days60 = [
    dayHeading(input.now, 60),
    '',
    step(ctx, 'Apply to your shortlisted universities and accept an unconditional offer.', 'visa-cas-required'),
    step(ctx, 'Pay the deposit if the university asks for one.', 'tuition-deposit'),
    step(ctx, 'Put the visa money in your account and leave it untouched.', 'visa-28-day-rule'),
    step(ctx, 'Book your TB test.', 'visa-tb-test'),
  ];
  const days90 = [
    dayHeading(input.now, 90),
    '',
    step(ctx, 'Apply for the Student visa.', 'visa-when-to-apply-outside', 'visa-fee-student-outside-uk', 'ihs-student-rate'),
    step(ctx, 'Allow time for the decision.', 'visa-decision-time'),
    step(ctx, 'Set up your eVisa before you travel.', 'visa-evisa'),
    step(ctx, 'Plan part-time work within the rules.', 'work-20-hours-degree', 'fallback-nlw-2026'),
  ];
  return { '30_days': days30.join('\n'), '60_days': days60.join('\n'), '90_days': days90.join('\n') };
}

/** The numbered sources actually cited, one a line, with the knowledge base's as-of date. */
export function sourcesSection(asOf: string, sources: readonly NumberedSource[]): string {
  return [
    `Facts come from this app's knowledge base as of ${formatLongDate(asOf)} (${asOf}). Rules and fees change: confirm each figure on the official page before you act.`,
    ...sources.map(
      (source) => `[${source.n}] ${source.title} — ${source.publisher}. ${source.url} (accessed ${source.accessedDate})`,
    ),
  ].join('\n\n');
}
