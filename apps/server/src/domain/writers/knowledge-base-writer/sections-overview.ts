import { NOT_AVAILABLE } from '../../report/sections.js';
import type { RetrievedFact } from '../../report/types.js';
import { SUMMARY_BULLETS } from '../../report/validate.js';
import { courseLength } from '../../timeline/course.js';
import { formatDate, formatMonth } from '../../timeline/dates.js';
import type { WritingContext } from './context.js';
import { moneySection, personalSummary } from './sections-personal.js';

/** The retrieved facts whose id starts with `prefix`, in retrieval order. */
export function factsWithPrefix(ctx: WritingContext, prefix: string): RetrievedFact[] {
  return ctx.input.retrieval.facts.filter((f) => f.id.startsWith(prefix)).map((f) => ctx.fact(f.id)!);
}

/** The summary: this student's own figures and dates (see `personalSummary`), with graduate earnings where known. */
export function executiveSummary(ctx: WritingContext): string[] {
  const bullets = personalSummary(ctx);
  const mapEntry = ctx.input.retrieval.mapEntry;
  const [earnings] = mapEntry ? factsWithPrefix(ctx, 'earnings:') : [];
  const group = mapEntry?.graduate_earnings;
  if (earnings && group && bullets.length < SUMMARY_BULLETS.max) {
    bullets.push(`**Graduate earnings:** median ${ctx.brief(earnings)} five years after graduating (UK graduates in ${group.cah2_name}; details under Job Prospects).`);
  }
  return bullets;
}

/** How a student applies at their level: UCAS for a bachelor's, the university directly for a master's or research. */
function applicationRoute(ctx: WritingContext): string[] {
  const level = ctx.personal.timeline.level;
  if (level === 'undergraduate') {
    return ['- **How you apply (bachelor’s):** through UCAS, the UK’s central admissions service, for most full-time courses; each course page gives the UCAS deadline that applies to it.'];
  }
  if (level === 'postgraduate_taught') {
    return ['- **How you apply (taught master’s):** directly to each university through its own online application; there is no central system, so apply early to the courses you want.'];
  }
  const dependants = ctx.say('dependants-pgr-only');
  return [
    '- **How you apply (research degree):** directly to the university, usually with a research proposal and a supervisor who agrees to take you on; funded places have their own deadlines.',
    ...(dependants ? [`- **Family:** ${dependants}`] : []),
  ];
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
    intakeLine(ctx),
    ...applicationRoute(ctx),
    ctx.item('English', 'english-student-b2', 'english-hei-assessment'),
  );
  if (mapEntry?.regulator) {
    lines.push(
      `- **Professional registration:** choose a course that leads to registration with the ${mapEntry.regulator.name}; its route is under Job Prospects below.`,
    );
  }
  const atas = ctx.personal.timeline.level === 'undergraduate' ? null : ctx.say('visa-atas');
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

/** The student's intake and course dates, saying when the intake was assumed. */
function intakeLine(ctx: WritingContext): string {
  const { timeline, profile } = ctx.personal;
  const assumed = profile.intake === null ? ' (assumed: you did not give an intake)' : '';
  return `- **Your intake:** ${formatMonth(timeline.intake)}${assumed}; the dates in this report assume the course runs from ${formatDate(timeline.courseStart)} to ${formatDate(timeline.courseEnd)} (${courseLength(timeline.level, profile.city).note}).`;
}

/** The "before you apply" table for this student, the visa funds for London and elsewhere, a realistic budget, the health surcharge. */
export function livingCosts(ctx: WritingContext): string {
  return [
    ...moneySection(ctx),
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
