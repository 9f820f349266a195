import { formatPoundRange, formatPounds, type MoneyRow } from '../../money/money-table.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import { formatDate } from '../../timeline/dates.js';
import type { TimelineStep } from '../../timeline/timeline.js';
import { withMarker, type WritingContext } from './context.js';
import { summaryThreshold } from './sections-field.js';

/**
 * The parts of the offline report written for this student: the summary's own figures and dates, the "before you
 * apply" money table and the key dates, all from the personal view (profile, timeline, money table).
 */

function lengthWords(months: number): string {
  return months % 12 === 0 ? `${months / 12} year${months === 12 ? '' : 's'}` : `${months} months`;
}

function step(ctx: WritingContext, key: TimelineStep['key']): TimelineStep | undefined {
  return ctx.personal.timeline.steps.find((s) => s.key === key);
}

/** `1 March 2027 to 1 September 2027`, or the one date. */
export function stepDates(s: TimelineStep): string {
  if (s.date === null) return NOT_AVAILABLE;
  return s.until && s.until !== s.date ? `${formatDate(s.date)} to ${formatDate(s.until)}` : formatDate(s.date);
}

/** The Graduate length on this student's application date, with the course dates it follows from. */
function graduatePoint(ctx: WritingContext): string {
  const { timeline } = ctx.personal;
  const length = timeline.graduateLength;
  const apply = step(ctx, 'graduate_application');
  if (!length || !apply?.date) return `**Your Graduate visa:** ${NOT_AVAILABLE}.`;
  const deadline = apply.until ? ` and before your Student visa ends on ${formatDate(apply.until)}` : '';
  return withMarker(
    `**Your Graduate visa:** your course ends on ${formatDate(timeline.courseEnd)}, so you apply from ${formatDate(apply.date)}${deadline}; a Graduate visa applied for then lasts ${lengthWords(length.months)}`,
    ctx.citeIds([...length.factIds, ...apply.factIds]),
  );
}

function rowMarkers(ctx: WritingContext, row: MoneyRow): string {
  return ctx.citeIds(row.factIds);
}

/** The summary's money points: the funds for the student's city and the total before applying. */
function moneyPoints(ctx: WritingContext): string[] {
  const { money, london } = ctx.personal;
  const funds = money.rows.find((r) => r.key === 'maintenance');
  const where = london ? 'London' : 'outside London';
  const points = [
    funds
      ? withMarker(
          `**Money to show for living costs (${where}):** ${formatPounds(funds.low)} (${funds.basis})`,
          rowMarkers(ctx, funds),
        )
      : `**Money to show for living costs (${where}):** ${NOT_AVAILABLE}.`,
  ];
  if (money.rows.length > 0) {
    const parts = money.rows.map((r) => r.label.replace(/ \(.*\)$/, '').toLowerCase()).join(', ');
    const missing = money.missing.includes('tuition')
      ? '; tuition is not included, as the knowledge base has no figure for it'
      : '';
    points.push(
      withMarker(
        `**Before you apply, in all:** about ${formatPoundRange(money.total.low, money.total.high)} (${parts}${missing}; the table is under Estimated Costs)`,
        ctx.citeIds(money.rows.flatMap((r) => r.factIds)),
      ),
    );
  }
  return points;
}

/** The pay threshold for the field's jobs: Health and Care Worker, or the new-entrant rate after a UK degree. */
function thresholdPoint(ctx: WritingContext): string {
  const id = ctx.personal.thresholdFactId;
  const f = ctx.fact(id);
  const label =
    id === 'sw-health-care-threshold'
      ? 'Pay to be sponsored (Health and Care Worker visa)'
      : 'Pay to be sponsored after your degree (new-entrant rate)';
  return `**${label}:** ${f ? ctx.brief(f) : NOT_AVAILABLE}.`;
}

/** The key deadline: the Student visa window, with the day the funds must be in the account. */
function deadlinePoint(ctx: WritingContext): string {
  const visa = step(ctx, 'visa_window_opens');
  const funds = step(ctx, 'funds_held');
  if (!visa?.date) return `**Key deadline:** ${NOT_AVAILABLE}.`;
  const held = funds?.date ? `, with the money in your account from ${formatDate(funds.date)}` : '';
  return withMarker(
    `**Key deadline:** apply for the Student visa from ${formatDate(visa.date)}${visa.until ? ` (the course starts on ${formatDate(visa.until)})` : ''}${held}`,
    ctx.citeIds([...visa.factIds, ...(funds?.factIds ?? [])]),
  );
}

/**
 * 5–10 bullets of this student's own figures and dates: what was assumed (at the top), whether the field's jobs can
 * be sponsored, the Graduate length on their date, the money for their city and in all, the threshold for their
 * field and the key deadline (the work rules while studying are stated once, under Visa & Immigration).
 */
export function personalSummary(ctx: WritingContext): string[] {
  const bullets: string[] = [];
  const { assumed } = ctx.personal;
  if (assumed.length > 0) bullets.push(`**Assumed:** ${assumed.join(' ')}`);
  const mapEntry = ctx.input.retrieval.mapEntry;
  const [outlook] = mapEntry
    ? ctx.input.retrieval.facts.filter((f) => f.id.startsWith('outlook:')).map((f) => ctx.fact(f.id)!)
    : [];
  if (outlook) bullets.push(`**Working in ${ctx.subjectName} after you graduate:** ${ctx.quote(outlook)}`);
  else
    bullets.push(`**${ctx.subjectName}:** ${NOT_AVAILABLE} on the jobs or pay for this field in the knowledge base.`);
  bullets.push(
    graduatePoint(ctx),
    ...moneyPoints(ctx),
    summaryThreshold(ctx) ?? thresholdPoint(ctx),
    deadlinePoint(ctx),
  );
  return bullets;
}

/** The "before you apply" table as list rows, each with its basis and markers, then the total. */
export function moneySection(ctx: WritingContext): string[] {
  const { money, london } = ctx.personal;
  const lines = [`**Before you apply (${london ? 'London' : 'outside London'}, your course and visa length):**`, ''];
  for (const row of money.rows)
    lines.push(
      `- ${withMarker(`${row.label}: ${formatPoundRange(row.low, row.high)} (${row.basis})`, rowMarkers(ctx, row))}`,
    );
  if (money.missing.includes('tuition'))
    lines.push(`- First-year tuition: ${NOT_AVAILABLE} for research degrees; the university's offer states it.`);
  lines.push(`- **Total before you apply:** ${formatPoundRange(money.total.low, money.total.high)}.`, '');
  return lines;
}

/**
 * The key dates from the timeline, from the visa window to the Graduate application and the first Skilled Worker
 * start; `listed` are the steps the 30/60/90-day periods already give, which are not repeated here.
 */
export function keyDates(ctx: WritingContext, listed: ReadonlySet<string> = new Set()): string[] {
  const { timeline } = ctx.personal;
  const lines = ['', listed.size > 0 ? '**Key dates after that**' : '**Key dates**', ''];
  for (const s of timeline.steps) {
    if (s.date === null || listed.has(s.key)) continue;
    lines.push(`- ${withMarker(`**${stepDates(s)}:** ${s.title}`, ctx.citeIds(s.factIds))}`);
  }
  return lines;
}
