import { NOT_AVAILABLE } from '../../report/sections.js';
import { formatLongDate } from '../../knowledge-base/format.js';
import type { RetrievedFact } from '../../report/types.js';
import type { WritingContext } from './context.js';

/** The general points every summary makes, as `[label, fact id]`, each given as its value with its markers. */
const SUMMARY_POINTS: readonly (readonly [string, string])[] = [
  ['Student visa fee', 'visa-fee-student-outside-uk'],
  ['Money to show for living costs, London', 'visa-maintenance-london'],
  ['Money to show elsewhere', 'visa-maintenance-outside-london'],
  ['Health surcharge', 'ihs-student-rate'],
  ['Work while studying', 'work-20-hours-degree'],
  ['Staying on to work', 'sw-general-threshold'],
];

/** The retrieved facts whose id starts with `prefix`, in retrieval order. */
export function factsWithPrefix(ctx: WritingContext, prefix: string): RetrievedFact[] {
  return ctx.input.retrieval.facts.filter((f) => f.id.startsWith(prefix)).map((f) => ctx.fact(f.id)!);
}

/** The Graduate visa length for an application made on the report's day, as a summary point. */
function graduatePoint(ctx: WritingContext): string | null {
  const { on } = ctx.input.retrieval;
  const now = ctx.fact('graduate-length-current');
  const next = ctx.fact('graduate-18-months');
  if (!now || !next?.effectiveFrom) return null;
  if (on >= next.effectiveFrom) return `**After you graduate:** a Graduate visa of ${ctx.brief(next)} for bachelor's and master's graduates (PhD: 3 years).`;
  return `**After you graduate:** a Graduate visa of ${ctx.brief(next)} for bachelor's and master's graduates who apply from ${formatLongDate(next.effectiveFrom)}, as anyone starting a course now will (PhD: 3 years); ${ctx.brief(now)} only for applications made by ${formatLongDate(now.effectiveUntil ?? next.effectiveFrom)}.`;
}

/**
 * 5–10 bullets: whether the field's jobs can be sponsored (said plainly where it decides the student's future), the
 * subject's fees or the general ranges, graduate earnings, then the essentials every student needs, as figures.
 */
export function executiveSummary(ctx: WritingContext): string[] {
  const { entry, tuitionFact } = ctx;
  const mapEntry = ctx.input.retrieval.mapEntry;
  const bullets: string[] = [];
  const [outlook] = mapEntry ? factsWithPrefix(ctx, 'outlook:') : [];
  if (outlook) bullets.push(`**Working in ${ctx.subjectName} after you graduate:** ${ctx.quote(outlook)}`);
  else bullets.push(`**${ctx.subjectName}:** ${NOT_AVAILABLE} on the jobs or pay for this field in the knowledge base.`);
  const general = ctx.fact('tuition-ug-range');
  if (entry && tuitionFact) bullets.push(`**${entry.name} fees:** ${ctx.brief(tuitionFact)}.`);
  else if (general) bullets.push(`**Fees:** no figure for this subject; undergraduate fees for all subjects are typically ${ctx.brief(general)}.`);
  const [earnings] = mapEntry ? factsWithPrefix(ctx, 'earnings:') : [];
  const group = mapEntry?.graduate_earnings;
  if (earnings && group) {
    bullets.push(`**Graduate earnings:** median ${ctx.brief(earnings)} five years after graduating (UK graduates in ${group.cah2_name}; details under Job Prospects).`);
  }
  const care = ctx.input.retrieval.facts.some((f) => f.id === 'sw-health-care-threshold') && outlook?.statement.includes('Health and Care');
  for (const [label, point] of SUMMARY_POINTS) {
    const id = care && point === 'sw-general-threshold' ? 'sw-health-care-threshold' : point;
    const f = ctx.fact(id);
    const shown = id === point ? label : `${label} (Health and Care Worker visa pay)`;
    bullets.push(`**${shown}:** ${f ? ctx.brief(f) : NOT_AVAILABLE}.`);
  }
  const graduate = graduatePoint(ctx);
  if (graduate) bullets.push(graduate);
  return bullets;
}

/** Degree types, level of study, intakes, English, the CAS, registration and ATAS where they apply. */
export function studyOptions(ctx: WritingContext): string {
  const { entry } = ctx;
  const mapEntry = ctx.input.retrieval.mapEntry;
  const lines: string[] = [];
  const degrees = mapEntry?.typical_degrees ?? entry?.typical_degrees;
  if (degrees) {
    lines.push(`Typical UK awards for ${ctx.subjectName}:`, '');
    lines.push(...degrees.map((degree) => `- ${degree}`), '');
  } else {
    lines.push(
      `Courses and degree types for ${ctx.subjectName}: ${NOT_AVAILABLE}. Search the universities' course pages for the exact award, length and entry requirements.`,
      '',
    );
  }
  lines.push(
    `- **Intakes:** ${NOT_AVAILABLE} in the knowledge base; check each course page for its start dates and plan the visa steps below around them.`,
    ctx.item('English', 'english-student-b2', 'english-hei-assessment'),
  );
  if (mapEntry?.regulator) {
    lines.push(
      `- **Professional registration:** choose a course that leads to registration with the ${mapEntry.regulator.name}; its route is under Job Prospects below.`,
    );
  }
  const atas = ctx.say('visa-atas');
  if (atas) lines.push(`- **ATAS certificate:** ${atas}`);
  lines.push(...ctx.extras('study_options'));
  return lines.join('\n');
}

/** The subject's indicative fees (or what is not available), the general ranges, deposits and coming changes. */
export function tuitionRanges(ctx: WritingContext): string {
  const { entry, tuitionFact } = ctx;
  const own = entry && tuitionFact ? ctx.quote(tuitionFact) : `no subject-specific figure in the knowledge base: use the ranges for all subjects below.`;
  return [
    `- **${ctx.subjectName}:** ${own}`,
    ctx.item('Undergraduate, all subjects', 'tuition-ug-range'),
    ctx.item("Taught master's, all subjects", 'tuition-pgt-range'),
    ...ctx.extras('tuition_ranges'),
    ctx.item('Deposit', 'tuition-deposit'),
    ctx.item('Fee rises', 'tuition-annual-rises'),
    ctx.item('Coming change', 'tuition-international-levy'),
    '',
    '_Fees are indicative: check the exact fee on the course page before you accept an offer._',
  ].join('\n');
}

/** The visa funds for London and elsewhere, a realistic budget, the health surcharge and up-front money. */
export function livingCosts(ctx: WritingContext): string {
  return [
    ctx.item('Visa funds, London', 'visa-maintenance-london'),
    ctx.item('Visa funds, elsewhere', 'visa-maintenance-outside-london'),
    ctx.item('What counts as London', 'visa-maintenance-london-definition'),
    ctx.item('A real budget', 'costs-maintenance-not-budget', 'costs-natwest-2025'),
    ctx.item('Living in London', 'costs-london-mis'),
    ctx.item('Health surcharge', 'ihs-student-rate', 'ihs-upfront-calculation'),
    ctx.item('Money needed before you apply', 'costs-upfront-example'),
    ctx.item('Council tax', 'costs-council-tax'),
    ...ctx.extras('living_costs'),
  ].join('\n');
}
