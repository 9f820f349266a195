import { formatLongDate } from '../../knowledge-base/format.js';
import { listWords } from '../../knowledge-base/field-facts.js';
import { plainWords } from '../../knowledge-base/plain-words.js';
import { factsWithPrefix } from './sections-overview.js';
import { roleFactIdPrefix } from '../../knowledge-base/retrieve.js';
import { jobName, type FieldJob } from '../../knowledge-base/field-jobs.js';
import { distinctRoles } from '../../knowledge-base/distinct-roles.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import { withMarker, type WritingContext } from './context.js';

/**
 * The Student visa step by step, in plain words, then the work rules while studying (hours, pay floor, tax, what the
 * visa forbids) stated once here. The fee is stated in the money table (Estimated Costs), not again.
 */
export function visaImmigration(ctx: WritingContext): string {
  ctx.fact('visa-fee-student-outside-uk');
  ctx.fact('fallback-care-parttime');
  return [
    '_General information in plain words, not legal advice: check GOV.UK (or a regulated immigration adviser) before you apply._',
    '',
    ctx.item('Offer and CAS', 'visa-cas-required'),
    ctx.item('When to apply', 'visa-when-to-apply-outside'),
    ctx.item('Decision time', 'visa-decision-time'),
    ctx.item('Proof of money', 'visa-28-day-rule', 'visa-funds-types'),
    ctx.item('TB test', 'visa-tb-test', 'visa-tb-validity'),
    ctx.item('Family', 'dependants-pgr-only'),
    ctx.item('Your status', 'visa-evisa'),
    ctx.item('Benefits', 'visa-no-public-funds'),
    ...ctx.extras('visa_immigration'),
    '',
    '**Working while you study**',
    '',
    ctx.item('Hours', 'work-20-hours-degree', 'work-vacation-full-time'),
    ctx.item('How the hours are counted', 'work-week-definition'),
    ctx.item('Pay floor', 'fallback-nlw-2026'),
    ctx.item('What that adds up to', 'fallback-earnings-ceiling'),
    ctx.item('Tax', 'fallback-tax-allowance'),
    ctx.item('Not allowed', 'work-prohibited-activities', 'work-gig-delivery', 'fallback-tutoring-rule'),
    // Care work alongside study matters to a field whose jobs are in health and care.
    ...(ctx.input.retrieval.fieldJobs.some((j) => j.healthAndCare)
      ? [ctx.item('Care work', 'fallback-care-parttime')]
      : []),
  ].join('\n');
}

/** The Graduate visa length in force on the report's day, then the change ahead (or already made). */
function graduateLength(ctx: WritingContext): string[] {
  const { on } = ctx.input.retrieval;
  const current = ctx.fact('graduate-length-current');
  const change = ctx.fact('graduate-18-months');
  if (!current || !change?.effectiveFrom)
    return [ctx.item('Graduate visa', 'graduate-length-current', 'graduate-18-months')];
  if (on >= change.effectiveFrom) return [`- **Graduate visa for applications made today:** ${ctx.quote(change)}`];
  // Anyone starting a course now applies after the change: the report gives the rule for their application date.
  const yours = ctx.personal.timeline.steps.find((s) => s.key === 'graduate_application')?.date ?? change.effectiveFrom;
  return [`- **Graduate visa for your application (from ${formatLongDate(yours)}):** ${ctx.quote(change)}`];
}

/** The Graduate route (the rule in force and the one ahead) and the Skilled Worker route after it. */
export function postStudyWork(ctx: WritingContext): string {
  return [
    ...graduateLength(ctx),
    ctx.item('Who can apply', 'graduate-eligibility'),
    ctx.item('Cost', 'graduate-fee'),
    ctx.item('What you can do', 'graduate-work-freedom'),
    ...fieldOnGraduateVisa(ctx),
    ctx.item('Limits', 'graduate-one-time-no-extension', 'graduate-no-settlement'),
    ctx.item('Switching before you finish', 'graduate-switch-restriction'),
    '',
    '**Staying longer: the Skilled Worker visa**',
    '',
    ctx.item('Salary', 'sw-general-threshold'),
    ctx.item('New entrants', 'sw-new-entrant'),
    ctx.item('Skill level', 'sw-rqf6'),
    ctx.item('English', 'english-skilled-worker-b2'),
    settlement(ctx),
    ...degreeLevelJobs(ctx),
    ...ctx.extras('post_study_work'),
  ].join('\n');
}

/** Settlement as the data words it: 5 years under current rules, and the proposed 10-year model beside it. */
function settlement(ctx: WritingContext): string {
  const current = ctx.fact('sw-settlement-current');
  const proposed = ctx.fact('risks-earned-settlement');
  if (!current) return ctx.item('Settlement', 'risks-earned-settlement');
  const now = ctx.quote(current);
  return `- **Settlement:** ${now}${proposed ? ` ${ctx.quote(proposed)}` : ''}`;
}

/** Up to three of the field's jobs by name; more as a count that points to the job list (a long list said once). */
function namesOrCount(jobs: readonly FieldJob[]): string {
  return jobs.length <= 3 ? listWords(jobs.map(jobName)) : `the ${jobs.length} listed under Job Prospects`;
}

/**
 * The settlement and family rules applied to the field's sponsorable jobs, which are all degree level (RQF 6+): the
 * proposed longer wait for below-degree-level jobs would not apply to them, and a Skilled Worker in them can bring a
 * partner and children. A field without sponsorable jobs (or a subject without mapped jobs) gets the family rule as
 * the facts file words it.
 */
function degreeLevelJobs(ctx: WritingContext): string[] {
  const open = ctx.input.retrieval.fieldJobs.filter((j) => j.status.kind === 'open');
  if (open.length === 0) return [ctx.item('Family as a Skilled Worker', 'dependants-skilled-worker')];
  const settlement = ctx.fact('sw-settlement-current') && ctx.fact('risks-earned-settlement');
  const family = ctx.fact('dependants-skilled-worker');
  const one = open.length === 1;
  const what = [
    ...(settlement
      ? [`the longer proposed wait for settlement in below-degree-level jobs would not apply to ${one ? 'it' : 'them'}`]
      : []),
    ...(family
      ? [
          `in ${one ? 'it' : 'any of them'} a partner and children could join you, unlike below-degree shortage-list jobs and care work`,
        ]
      : []),
  ];
  if (what.length === 0) return [];
  const ids = [
    ...(settlement ? ['risks-earned-settlement'] : []),
    ...(family ? ['dependants-skilled-worker'] : []),
    ...open.map((j) => j.factId),
  ];
  const jobs = one
    ? `**Your field's sponsorable job** (${jobName(open[0])}) is`
    : `**Your field's sponsorable jobs** (${namesOrCount(open)}) are`;
  return [`- ${withMarker(`${jobs} degree level: ${what.join(', and ')}`, ctx.citeIds(ids))}`];
}

/**
 * The Graduate visa as the bridge into the field's jobs: which of them a sponsor can switch you into from it (a switch
 * from a Student or Graduate visa after a UK degree is what makes you a new entrant), and which you can do on it but
 * not be sponsored in after it. Nothing for a subject without mapped jobs.
 */
function fieldOnGraduateVisa(ctx: WritingContext): string[] {
  const jobs = ctx.input.retrieval.fieldJobs;
  if (jobs.length === 0) return [];
  const open = jobs.filter((j) => j.status.kind === 'open');
  const shut = jobs.filter((j) => j.status.kind !== 'open');
  const parts: string[] = [];
  // Health jobs on national pay scales have no going rate: they are sponsored on the Health and Care Worker visa at
  // the pay-band rate, so the new-entrant rate is not the figure that matters.
  const healthScale = open.length > 0 && open.every((j) => j.healthAndCare && j.goingRate === null);
  const route = healthScale
    ? 'the Health and Care Worker visa (the Skilled Worker visa for health jobs on national pay scales; its pay rule is under Job Prospects)'
    : 'a Skilled Worker visa, as a new entrant (below),';
  if (open.length > 0)
    parts.push(
      open.length <= 3
        ? `to stay, switch from it to ${route} in a job under ${open.length === 1 ? 'this code' : 'one of these codes'}: ${namesOrCount(open)}`
        : `to stay, switch from it to ${route} in one of the ${open.length} jobs listed under Job Prospects`,
    );
  if (shut.length > 0)
    parts.push(
      `you may work as ${listWords(shut.map(jobName))} on it, but ${shut.length === 1 ? 'that job' : 'those jobs'} cannot sponsor you after it`,
    );
  return [
    `- ${withMarker(
      `**Your field on the Graduate visa:** ${parts.join('; ')}`,
      ctx.citeIds([
        'graduate-work-freedom',
        ...(open.length > 0 ? [healthScale ? 'sw-health-care-threshold' : 'sw-new-entrant'] : []),
        ...jobs.map((j) => j.factId),
      ]),
    )}`,
  ];
}

/** The field's jobs from the subject map: each occupation's status and pay, earnings, regulators, bodies. */
function fieldJobs(ctx: WritingContext): string[] {
  const mapEntry = ctx.input.retrieval.mapEntry;
  if (!mapEntry) return [`In-field roles and salaries for ${ctx.subjectName}: ${NOT_AVAILABLE}.`];
  const lines: string[] = [];
  if (ctx.input.retrieval.matchedVia === 'parent') lines.push(`_${ctx.input.retrieval.coverage.note}_`, '');
  const occupations = factsWithPrefix(ctx, 'occupation:');
  lines.push(
    `**Jobs ${ctx.subjectName} graduates usually enter** (SOC 2020 occupation codes, which decide sponsorship; status on ${formatLongDate(ctx.input.retrieval.on)}):`,
    '',
    ...(occupations.length > 0 ? occupations.map((f) => `- ${ctx.quote(f)}`) : [`- ${NOT_AVAILABLE}.`]),
  );
  const [outlook] = factsWithPrefix(ctx, 'outlook:');
  if (outlook && !ctx.isStated(outlook)) lines.push('', `**What this means for you:** ${ctx.quote(outlook)}`);
  const [earnings] = factsWithPrefix(ctx, 'earnings:');
  if (earnings) lines.push('', `**Graduate earnings:** ${ctx.quote(earnings)}`);
  const regulators = factsWithPrefix(ctx, 'regulator:');
  lines.push(
    '',
    regulators.length > 0
      ? `**Registration:** ${regulators.map((f) => ctx.quote(f)).join(' ')}`
      : `**Registration:** the knowledge base records no UK regulator for ${ctx.subjectName}, so this report names no registration step.`,
  );
  if (mapEntry.professional_bodies.length > 0) {
    const bodies = mapEntry.professional_bodies.map((b) => `[${b.name}](${b.url})`).join(', ');
    lines.push('', `**Professional bodies:** ${bodies}.`);
  }
  return lines;
}

/** Subject facts that restate going rates the occupation table gives for the field's jobs. */
const REPEATED_RATE_FACTS = ['sw-going-rate-2134', 'sw-going-rates-engineering'];

/** Whether `other` states only figures (`46%`, `£54,700`) that `text` already gives. */
function restates(text: string, other: string): boolean {
  if (text === other) return false;
  const figures = other.match(/£[\d,]+|\d+(?:\.\d+)?%/g) ?? [];
  return figures.length > 0 && figures.every((figure) => text.includes(figure));
}

/**
 * A detailed subject's typical roles with their indicative pay, each once: a role whose pay range another retrieved
 * fact already states (NHS Band 5) is left to that fact.
 */
function typicalRoles(ctx: WritingContext): string[] {
  const { entry } = ctx;
  if (!entry) return [];
  const facts = factsWithPrefix(ctx, roleFactIdPrefix(entry));
  const others = ctx.input.retrieval.facts.filter((f) => !f.id.startsWith('role:')).map((f) => f.statement);
  return facts
    .filter((f) => {
      const [low, high] = (f.value ?? '').split('–');
      return !(low && high && others.some((s) => s.includes(low) && s.includes(high.replace(/^£/, ''))));
    })
    .map((f) => `- ${ctx.quote(f)}`);
}

/** The field's jobs and what decides sponsorship, the market for the subject (detailed subjects), the general rules. */
export function jobProspects(ctx: WritingContext): string {
  const { subjectFact } = ctx;
  // A subject fact that restates an occupation's official rate is left to the occupation line above (no repeats).
  if (ctx.input.retrieval.fieldJobs.length > 0) for (const id of REPEATED_RATE_FACTS) ctx.fact(id);
  // A market fact whose every figure the subject's demand notes already give says it again: left out.
  if (subjectFact)
    for (const f of ctx.input.retrieval.facts.filter(
      (f) => f.topic === 'job_market' && restates(subjectFact.statement, f.statement),
    ))
      ctx.fact(f.id);
  const lines = fieldJobs(ctx);
  const roles = typicalRoles(ctx);
  if (roles.length > 0) lines.push('', '**Typical roles and pay** (indicative, entry to experienced):', '', ...roles);
  if (subjectFact) lines.push('', `**Job market:** ${ctx.quote(subjectFact)}`);
  const care = ['sw-health-care-threshold', 'sw-health-care-fee', 'ihs-health-care-exempt'];
  const careText = ctx.say(...care);
  if (careText) lines.push('', `**Health and Care Worker visa:** ${careText}`);
  lines.push(
    '',
    ctx.item('Which jobs can be sponsored', 'sw-eligibility-depends-on-soc'),
    ctx.item('Employers and visas', 'job-employers-visa-hesitancy'),
    ...ctx.extras('job_prospects_in_field'),
  );
  return lines.join('\n');
}

/** The out-of-field degree-level jobs of related subjects, each with its status and pay; or that there are none. */
function relatedJobLines(ctx: WritingContext): string[] {
  const { mapEntry, relatedJobs } = ctx.input.retrieval;
  if (!mapEntry)
    return [
      `Out-of-field jobs for ${ctx.subjectName}: ${NOT_AVAILABLE}, as the knowledge base has no entry for the subject.`,
    ];
  const jobs = relatedJobs.flatMap((job) => {
    const f = ctx.fact(job.factId);
    return f ? [`- **${listWords(job.subjects.slice(0, 3))} graduates:** ${ctx.quote(f)}`] : [];
  });
  if (jobs.length === 0)
    return [`Degree-level jobs outside ${ctx.subjectName} that graduates of related subjects enter: ${NOT_AVAILABLE}.`];
  const group = mapEntry.graduate_earnings?.cah2_name;
  const where = relatedJobs.every((j) => j.sameGroup) && group ? ` in HESA's ${group} group` : '';
  return [
    `**Outside ${ctx.subjectName}:** degree-level jobs that graduates of related subjects${where} usually enter, for a sponsor after the Graduate visa:`,
    '',
    ...jobs,
  ];
}

/** Jobs alongside study listed at most (the subject's first distinct ones): enough to plan with, short enough to read. */
export const MAX_FALLBACK_ROLES = 5;

/** The pay floor as the facts file restates it in a stop-gap job's pay: said in full once, under the work rules. */
const NLW_RESTATED = /£12\.71\/h \(National Living Wage, age 21\+, from 1 April 2026\); £10\.85\/h if 18–20/;

/** Notes on a stop-gap job that only restate the work rules stated under the visa (hours, self-employment). */
const RULES_RESTATED: readonly RegExp[] = [
  /^Up to 20 h\/week in term time, full-time in official vacations\.$/,
  /^Counts towards the 20 h cap\.$/,
  /^Allowed part-time within visa limits\.$/,
  /^Within (the|term-time) hour limits\.$/,
  /^App-based food delivery .* which the Student visa does not allow\.$/,
  /^Freelance work is not allowed\.$/,
];

/**
 * Out-of-field jobs: degree-level occupations of related subjects (their status and pay from the occupation table),
 * then, for a detailed subject, the stop-gap jobs students take alongside study (their pay cited to the pay floor).
 * The work rules while studying are under Visa & Immigration.
 */
export function fallbackJobs(ctx: WritingContext): string {
  const { entry, subjectFact } = ctx;
  const lines = [...relatedJobLines(ctx), ...ctx.extras('fallback_job_prospects')];
  const payFact = ctx.fact('fallback-nlw-2026') ?? subjectFact;
  if (entry && payFact && entry.fallback_roles.length > 0) {
    const marker = ctx.cite(payFact);
    lines.push(
      '',
      'Jobs students commonly take alongside their studies (within the work rules under Visa & Immigration):',
      '',
    );
    for (const role of distinctRoles(entry.fallback_roles, MAX_FALLBACK_ROLES)) {
      const notes = (role.notes ?? '')
        .split(/(?<=\.)\s+/)
        .filter((sentence) => sentence !== '' && !RULES_RESTATED.some((rule) => rule.test(sentence)));
      const text = plainWords(
        [`${role.typical_pay.replace(NLW_RESTATED, 'paid at the National Living Wage')}.`, ...notes].join(' '),
      );
      lines.push(`- **${role.title}:** ${withMarker(text, marker)}`);
    }
  }
  return lines.join('\n');
}
