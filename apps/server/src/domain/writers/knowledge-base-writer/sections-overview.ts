import { NOT_AVAILABLE } from '../../report/sections.js';
import type { WritingContext } from './context.js';

/** The general points every summary makes, as `[label, fact id]`. */
const SUMMARY_POINTS: readonly (readonly [string, string])[] = [
  ['Student visa fee', 'visa-fee-student-outside-uk'],
  ['Visa funds in London', 'visa-maintenance-london'],
  ['Visa funds elsewhere', 'visa-maintenance-outside-london'],
  ['Health surcharge', 'ihs-student-rate'],
  ['Work while studying', 'work-20-hours-degree'],
  ['After you graduate', 'graduate-18-months'],
  ['Staying on to work', 'sw-general-threshold'],
];

/** The first sentence of a text (demand notes run to several). */
function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/)[0];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** 5–10 bullets: the subject's fees and job market (or what is not available), then the general essentials. */
export function executiveSummary(ctx: WritingContext): string[] {
  const { entry, subjectFact, tuitionFact } = ctx;
  const bullets: string[] = [];
  if (entry) {
    bullets.push(`**${entry.name} fees:** ${tuitionFact ? ctx.quote(tuitionFact) : `${NOT_AVAILABLE}.`}`);
    if (subjectFact) {
      bullets.push(`**Job market:** ${ctx.quote({ ...subjectFact, statement: firstSentence(subjectFact.statement) })}`);
    }
  } else {
    const general = ctx.say('tuition-ug-range');
    bullets.push(
      `**${ctx.subjectName}:** ${NOT_AVAILABLE} on its courses, fees or roles in the knowledge base` +
        (general ? `; as a general guide, ${lowerFirst(general)}` : '.'),
    );
  }
  for (const [label, id] of SUMMARY_POINTS) bullets.push(ctx.labelled(label, id));
  return bullets;
}

/** Degree types, level of study, intakes, English, the CAS, registration and ATAS where they apply. */
export function studyOptions(ctx: WritingContext): string {
  const { entry, subjectFact } = ctx;
  const lines: string[] = [];
  if (entry && subjectFact) {
    lines.push(`Typical UK awards for ${entry.name} ${ctx.cite(subjectFact)}:`, '');
    lines.push(...entry.typical_degrees.map((degree) => `- ${degree}`), '');
  } else {
    lines.push(
      `Courses and degree types for ${ctx.subjectName}: ${NOT_AVAILABLE}. Search the universities' course pages for the exact award, length and entry requirements.`,
      '',
    );
  }
  lines.push(
    ctx.item('Level of study', 'visa-masters-share-india'),
    `- **Intakes:** ${NOT_AVAILABLE} in the knowledge base; check each course page for its start dates and plan the visa steps below around them.`,
    ctx.item('English', 'english-student-b2', 'english-hei-assessment'),
    ctx.item('Offer and CAS', 'visa-cas-required'),
  );
  if (entry?.regulated_profession && subjectFact) {
    lines.push(`- **Professional registration:** ${ctx.quote({ ...subjectFact, statement: entry.regulated_profession })}`);
  }
  const atas = ctx.say('visa-atas');
  if (atas) lines.push(`- **ATAS certificate:** ${atas}`);
  lines.push(...ctx.extras('study_options'));
  return lines.join('\n');
}

/** The subject's indicative fees (or what is not available), the general ranges, deposits and coming changes. */
export function tuitionRanges(ctx: WritingContext): string {
  const { entry, tuitionFact } = ctx;
  const own = entry && tuitionFact ? ctx.quote(tuitionFact) : `${NOT_AVAILABLE}.`;
  return [
    `- **${entry ? entry.name : ctx.subjectName}:** ${own}`,
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
