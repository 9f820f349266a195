import { isoDay } from '../../knowledge-base/format.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import type { RetrievedFact } from '../../report/types.js';
import { SUMMARY_BULLETS } from '../../report/validate.js';
import { formatDate, formatMonth } from '../../timeline/dates.js';
import { usualCourseBeside } from '../personal-view.js';
import { withMarker, type WritingContext } from './context.js';
import { degreesForLevel } from './sections-field.js';
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
    bullets.push(
      `**Graduate earnings:** median ${ctx.brief(earnings)} five years after graduating (UK graduates in ${group.cah2_name}; details under Job Prospects).`,
    );
  }
  return bullets;
}

/** The UCAS lines of a bachelor's: the deadlines by course, the October date where the data has it, the January date. */
function ucasLines(ctx: WritingContext): string[] {
  const { timeline } = ctx.personal;
  const year = timeline.intake.slice(0, 4);
  const pattern = ctx.fact('ucas-deadlines-by-course');
  const oxford = ctx.fact('ucas-oxford-medicine-2027');
  // The one October date the knowledge base holds is for 2027 entry (Oxford's Medicine course).
  const october =
    oxford?.value && year === '2027'
      ? `${withMarker(`Oxford's Medicine course gave ${oxford.value} as its deadline`, ctx.cite(oxford))}${timeline.today > isoDay(new Date(`${oxford.value} UTC`)) ? ' That date has passed: if a course you want has the October deadline, check on its page whether it still takes applications.' : ''}`
      : `The October deadline for ${year} entry: ${NOT_AVAILABLE}.`;
  return [
    `- **How you apply (bachelor’s):** through UCAS. ${pattern ? ctx.quote(pattern) : `UCAS deadlines: ${NOT_AVAILABLE}.`}`,
    `- **UCAS dates for ${year} entry:** ${october} The January equal-consideration date and the last date for late applications: ${NOT_AVAILABLE} in the knowledge base; UCAS publishes them for each entry year (ucas.com), and each course page names its own deadline.`,
  ];
}

/** How a student applies at their level: UCAS for a bachelor's, the university directly for a master's or research. */
function applicationRoute(ctx: WritingContext): string[] {
  const level = ctx.personal.timeline.level;
  if (level === 'undergraduate') return ucasLines(ctx);
  ctx.fact('ucas-deadlines-by-course');
  ctx.fact('ucas-oxford-medicine-2027');
  if (level === 'postgraduate_taught') {
    return [
      '- **How you apply (taught master’s):** directly to each university through its own online application; there is no central system, so apply early to the courses you want.',
    ];
  }
  const dependants = ctx.say('dependants-pgr-only');
  return [
    '- **How you apply (research degree):** directly to the university, usually with a research proposal and a supervisor who agrees to take you on; funded places have their own deadlines.',
    ...(dependants ? [`- **Family:** ${dependants}`] : []),
  ];
}

/** Degree types at the student's level, other course names, intakes, English, registration and ATAS where they apply. */
export function studyOptions(ctx: WritingContext): string {
  const mapEntry = ctx.input.retrieval.mapEntry;
  const lines: string[] = [];
  const degrees = degreesForLevel(ctx);
  const all = mapEntry?.typical_degrees ?? ctx.entry?.typical_degrees ?? [];
  if (degrees.length > 0) {
    lines.push(
      `- **${ctx.subjectName} at your level:** ${degrees.join(', ')}${all.length > degrees.length ? ` (other UK awards in the field: ${all.filter((d) => !degrees.includes(d)).join(', ')})` : ''}.`,
    );
  } else if (all.length > 0) {
    lines.push(
      `- **Typical UK awards for ${ctx.subjectName}:** ${all.join(', ')}; the knowledge base lists none at your level, so check the universities' course pages.`,
    );
  } else {
    lines.push(
      `- **Courses for ${ctx.subjectName}:** ${NOT_AVAILABLE}. Search the universities' course pages for the exact award, length and entry requirements.`,
    );
  }
  const [courses] = mapEntry ? factsWithPrefix(ctx, 'courses:') : [];
  if (courses) lines.push(`- **Searching for courses:** ${ctx.quote(courses)}`);
  const [related] = mapEntry ? factsWithPrefix(ctx, 'related-courses:') : [];
  if (related)
    lines.push(`- **Related courses** (their graduates' jobs are under Fallback Job Prospects): ${ctx.quote(related)}`);
  const lengthFacts = (ctx.personal.timeline.course.factIds ?? []).filter((id) => id.startsWith('course-'));
  lines.push(
    ...lengthFacts.map((id) => ctx.item('Course length', id)),
    intakeLine(ctx),
    ...applicationRoute(ctx),
    ctx.item('English', 'english-student-b2', 'english-hei-assessment'),
  );
  if (mapEntry?.regulator) {
    lines.push(
      `- **Professional registration:** to work as a registered professional you need a course approved by the ${mapEntry.regulator.name}; check its list before you apply (the route is under Job Prospects).`,
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
  const own =
    entry && tuitionFact
      ? ctx.quote(tuitionFact)
      : `no subject-specific figure in the knowledge base: use the ranges for all subjects below.`;
  const level = ctx.personal.timeline.level;
  // The range for the student's level only (a research degree's fee is in the offer); the levy is a dated change (Risks).
  const range =
    level === 'undergraduate'
      ? [ctx.item('Undergraduate, all subjects', 'tuition-ug-range')]
      : level === 'postgraduate_taught'
        ? [ctx.item("Taught master's, all subjects", 'tuition-pgt-range')]
        : [];
  for (const id of ['tuition-ug-range', 'tuition-pgt-range', 'tuition-international-levy']) ctx.fact(id);
  return [
    `- **${ctx.subjectName}:** ${own}`,
    ...range,
    ...ctx.extras('tuition_ranges'),
    ctx.item('Deposit', 'tuition-deposit'),
    ctx.item('Fee rises', 'tuition-annual-rises'),
  ].join('\n');
}

/** The student's intake and course dates, saying when the intake was assumed. */
function intakeLine(ctx: WritingContext): string {
  const { timeline, profile } = ctx.personal;
  const assumed = profile.intake === null ? ' (assumed: you did not give an intake)' : '';
  const own = timeline.course.factIds;
  const usual = usualCourseBeside(timeline, profile.city);
  const instead = usual
    ? `; if yours is a ${usual.adjective} master’s instead, it ends on ${formatDate(usual.end)} and every later date comes ${usual.gap} ${usual.earlier ? 'earlier' : 'later'}`
    : '';
  const length = own ? `${timeline.course.note} ${ctx.citeIds(own)}${instead}` : timeline.course.note;
  return `- **Your intake:** ${formatMonth(timeline.intake)}${assumed}; the dates in this report assume the course runs from ${formatDate(timeline.courseStart)} to ${formatDate(timeline.courseEnd)} (${length}).`;
}

/** The "before you apply" table for this student, the visa funds for London and elsewhere, a realistic budget, the health surcharge. */
export function livingCosts(ctx: WritingContext): string {
  const { profile, london } = ctx.personal;
  // The table states the funds for the student's city; the other city's only when the city is not known.
  const known = profile.city !== null;
  const place = [
    ...(!known ? [ctx.item('Visa funds if you study in London', 'visa-maintenance-london')] : []),
    ...(london || !known ? [ctx.item('What counts as London', 'visa-maintenance-london-definition')] : []),
    ...(london ? [ctx.item('Living in London', 'costs-london-mis')] : []),
  ];
  // The table's surcharge row gives the amount for this visa's length and the yearly rate: not stated again.
  ctx.fact('ihs-upfront-calculation');
  ctx.fact('ihs-student-rate');
  for (const id of [
    'visa-maintenance-london',
    'visa-maintenance-london-definition',
    'visa-maintenance-outside-london',
    'costs-london-mis',
  ])
    ctx.fact(id);
  return [
    ...moneySection(ctx),
    ...place,
    ctx.item('A real budget', 'costs-maintenance-not-budget'),
    ctx.item('Council tax', 'costs-council-tax'),
    ...ctx.extras('living_costs'),
  ].join('\n');
}
