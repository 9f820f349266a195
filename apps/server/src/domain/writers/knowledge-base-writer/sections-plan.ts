import { formatLongDate } from '../../knowledge-base/format.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import type { NumberedSource } from '../../report/types.js';
import { formatDate } from '../../timeline/dates.js';
import { isScottish } from '../../timeline/course.js';
import { mergeMarkers, withMarker, type WritingContext } from './context.js';
import { degreesForLevel, earningsAgainstThresholds, fieldSteps } from './sections-field.js';
import { keyDates } from './sections-personal.js';

/** Honest risks: refusals, university compliance, the jobs market, rule breaches, settlement, scams, change. */
export function risksRealityCheck(ctx: WritingContext): string {
  return [
    ctx.item('Visa refusals', 'risks-refusal-rates-pk-bd'),
    ctx.item('University compliance', 'risks-bca-thresholds', 'risks-recruitment-pauses'),
    ...fieldRisks(ctx),
    ctx.item('Breaking the work rules', 'work-breach-consequences'),
    ...datedChanges(ctx),
    ctx.item('Agents and scams', 'risks-agent-mis-selling', 'risks-sponsorship-scams'),
    ...ctx.extras('risks_reality_check'),
  ].join('\n');
}

/**
 * The risks of this field: its pay against the thresholds, and — only where some of its jobs rely on a shortage
 * list — the lists ending (otherwise the dated changes below name the end once).
 */
function fieldRisks(ctx: WritingContext): string[] {
  const lines: string[] = [];
  const pay = earningsAgainstThresholds(ctx);
  if (pay) lines.push(`- ${pay}`);
  const listed = ctx.input.retrieval.fieldJobs.some(
    (j) => j.status.kind === 'list' || (j.status.kind === 'open' && j.listEnd !== null),
  );
  if (listed) lines.push(ctx.item('Shortage lists ending', 'sw-isl-tsl-expiry'));
  return lines;
}

/**
 * What the dated-changes list says for a change, by fact id; null leaves it out (the other half of a pair already
 * says it). A change not named here is said by its occupation text, or the fact's statement.
 */
const CHANGE_WORDS: Readonly<Record<string, string | null>> = {
  'graduate-18-months': null,
  'graduate-length-current': null,
  'sw-isl-tsl-expiry': 'the Immigration Salary List and the Temporary Shortage List are due to end',
  'fallback-nlw-2026':
    'a new National Living Wage rate replaces £12.71 an hour (the new rate was not yet announced when this data was compiled)',
  'fallback-nlw-2027-pending': null,
  'tuition-international-levy':
    'universities in England start paying a £925 levy a year for each international student',
};

/** Dated changes ahead (from retrieval), each once, citing the facts they rest on. */
function datedChanges(ctx: WritingContext): string[] {
  const { changes, facts } = ctx.input.retrieval;
  const byId = new Map(facts.map((f) => [f.id, f]));
  // The field's own shortage-list ends (`occupation:…`) say what the lists' end means for it: the general line is not repeated.
  const ownListEnds = changes.some((c) => c.id.startsWith('occupation:'));
  const lines = changes.flatMap((change) => {
    const f = byId.get(change.id);
    const words = f ? CHANGE_WORDS[change.id] : undefined;
    if (f && ownListEnds && change.id === 'sw-isl-tsl-expiry') ctx.fact(change.id);
    if (!f || words === null || (ownListEnds && change.id === 'sw-isl-tsl-expiry')) return [];
    // The levy is charged to universities in England: a student in Scotland is told nothing that applies to them.
    if (change.id === 'tuition-international-levy' && isScottish(ctx.personal.profile.city)) return [];
    ctx.fact(change.id);
    return [`  - **${formatLongDate(change.date)}:** ${withMarker(words ?? change.text, ctx.cite(f))}`];
  });
  return lines.length > 0 ? ['- **Dated changes ahead** (the figures in this report are today’s):', ...lines] : [];
}

/**
 * One step of the plan: an action, the markers of facts already stated, then any fact not yet stated in full
 * (or that none is available).
 */
function step(ctx: WritingContext, action: string, ...ids: string[]): string {
  const facts = ids.map((id) => ctx.fact(id)).filter((f) => f !== undefined);
  if (facts.length === 0) return `- ${action} ${NOT_AVAILABLE}.`;
  const stated = facts.filter((f) => ctx.isStated(f));
  const seen = mergeMarkers(stated.map((f) => ctx.cite(f)).join(''));
  const values = stated.map((f) => f.value).filter((v) => v !== undefined);
  const said = values.length > 0 ? `${action.replace(/[.]$/, '')} (${values.join('; ')}).` : action;
  const fresh = facts.filter((f) => !ctx.isStated(f)).map((f) => ctx.quote(f));
  return `- ${seen ? withMarker(said, seen) : said}${fresh.length > 0 ? ` ${fresh.join(' ')}` : ''}`;
}

/** " (for example …)": up to three of the field's degrees at the student's level, or of all its degrees when none fits. */
function degreesExample(ctx: WritingContext): string {
  const atLevel = degreesForLevel(ctx);
  const degrees =
    atLevel.length > 0 ? atLevel : (ctx.input.retrieval.mapEntry?.typical_degrees ?? ctx.entry?.typical_degrees ?? []);
  return degrees.length > 0 ? ` (for example ${degrees.slice(0, 3).join(', ')})` : '';
}

function dayHeading(now: Date, days: number): string {
  return `**By ${formatLongDate(new Date(now.getTime() + days * 86_400_000))} (day ${days})**`;
}

/** The timeline steps before the course starts, which the 30/60/90-day plan places by the day their window opens. */
const PLAN_STEPS = new Set(['funds_held', 'tb_test', 'visa_window_opens', 'visa_decision', 'travel']);

/** Which of the three periods (30, 60, 90 days from today) a date falls in; null when after day 90. */
function periodOf(today: string, date: string): 30 | 60 | 90 | null {
  const days = Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
  return days <= 30 ? 30 : days <= 60 ? 60 : days <= 90 ? 90 : null;
}

/**
 * The 30/60/90-day plan, dated from `input.now`, agreeing with the student's timeline: a visa step appears in the
 * period its window opens in, never earlier; the steps after day 90 and the course, Graduate and Skilled Worker
 * dates are in the "Key dates" list that closes the plan.
 */
export function actionPlan(ctx: WritingContext): { '30_days': string; '60_days': string; '90_days': string } {
  const { entry, tuitionFact, input } = ctx;
  const { timeline } = ctx.personal;
  const shortlist =
    entry && tuitionFact
      ? `- ${withMarker(`Shortlist ${entry.name} courses${degreesExample(ctx)} and compare their fees with the indicative range`, ctx.cite(tuitionFact))}`
      : `- Shortlist ${ctx.subjectName} courses${degreesExample(ctx)} on the universities' own course pages and compare their fees; the knowledge base has no fee for this subject.`;
  const days30 = [
    dayHeading(input.now, 30),
    '',
    shortlist,
    step(ctx, 'Check your English evidence.', 'english-student-b2'),
  ];
  const regulator = input.retrieval.mapEntry?.regulator;
  if (regulator) days30.push(`- Check on the ${regulator.name}'s website that the course leads to registration.`);
  if (timeline.level !== 'undergraduate' && ctx.fact('visa-atas'))
    days30.push(step(ctx, 'Check whether your course needs ATAS.', 'visa-atas'));
  days30.push('- Work out the money you must show and start saving it (the table under Estimated Costs).');
  days30.push(...fieldSteps(ctx));

  const apply = timeline.level === 'undergraduate' ? 'Apply through UCAS' : 'Apply to your shortlisted universities';
  const days60 = [
    dayHeading(input.now, 60),
    '',
    step(ctx, `${apply} and accept an unconditional offer.`, 'visa-cas-required'),
    step(ctx, 'Pay the deposit if the university asks for one.', 'tuition-deposit'),
  ];
  const days90 = [dayHeading(input.now, 90), ''];
  const periods = { 30: days30, 60: days60, 90: days90 };
  const listed = new Set<string>();
  for (const s of timeline.steps) {
    if (!PLAN_STEPS.has(s.key) || s.date === null) continue;
    const period = periodOf(timeline.today, s.date);
    if (period !== null) listed.add(s.key);
    if (period !== null)
      periods[period].push(
        `- ${withMarker(`${s.title}: from ${formatDate(s.date)}${s.until ? ` (by ${formatDate(s.until)})` : ''}`, ctx.citeIds(s.factIds))}`,
      );
  }
  // A late start leaves nothing due in the third period: say so rather than leave its heading empty.
  if (days90.length === 2)
    days90.push(
      '- Nothing falls due yet: keep saving the money to show. The key dates below say when each next step opens.',
    );
  days90.push(...keyDates(ctx, listed));
  return { '30_days': days30.join('\n'), '60_days': days60.join('\n'), '90_days': days90.join('\n') };
}

/** The numbered sources actually cited, one a line, with the knowledge base's as-of date. */
export function sourcesSection(asOf: string, sources: readonly NumberedSource[]): string {
  return [
    `Facts come from this app's knowledge base as of ${formatLongDate(asOf)} (${asOf}). Rules and fees change: confirm each figure on the official page before you act.`,
    ...sources.map(
      (source) =>
        `[${source.n}] ${source.title} — ${source.publisher}. ${source.url} (accessed ${source.accessedDate})`,
    ),
  ].join('\n\n');
}
