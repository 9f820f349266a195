import type { Candidate } from './candidate.js';
import { listEnd } from './dated-rules.js';
import { formatGbp, formatLongDate } from './format.js';
import type { Occupation, OccupationTable } from './occupations-schema.js';
import type { MapSubject, Regulator } from './subject-map-schema.js';

/** The id of the retrieved fact that states one occupation's Skilled Worker status and pay. */
export const occupationFactId = (soc: string): string => `occupation:${soc}`;
/** The id of the retrieved fact that states the subject group's graduate earnings. */
export const earningsFactId = (entry: MapSubject): string => `earnings:${entry.id}`;
/** The id of the retrieved fact that states a regulator and its route to registration. */
export const regulatorFactId = (entry: MapSubject, index: number): string => `regulator:${entry.id}:${index}`;
/** The id of the retrieved fact that says whether the field's jobs can be sponsored (the summary leads with it). */
export const outlookFactId = (entry: MapSubject): string => `outlook:${entry.id}`;

/** Whether an occupation can be sponsored on `day`, and through what. */
export type SponsorStatus =
  | { readonly kind: 'open' }
  | { readonly kind: 'list'; readonly list: string; readonly until: string }
  | { readonly kind: 'list-ended'; readonly list: string; readonly ended: string }
  | { readonly kind: 'closed' };

/** An occupation's Skilled Worker status on `day` (ISO): shortage-list places count only until their end date. */
export function sponsorStatus(occupation: Occupation, day: string): SponsorStatus {
  if (occupation.eligible === 'yes') return { kind: 'open' };
  if (occupation.eligible === 'no') return { kind: 'closed' };
  const list = occupation.eligible === 'tsl' ? 'Temporary Shortage List' : 'Immigration Salary List';
  const end = listEnd(occupation);
  if (end === null) return { kind: 'list', list, until: '' };
  return day <= end ? { kind: 'list', list, until: end } : { kind: 'list-ended', list, ended: end };
}

/** Whether an occupation can be sponsored for a new visa on `day`: eligible, or on a shortage list still running. */
export function sponsorableOn(occupation: Occupation, day: string): boolean {
  const { kind } = sponsorStatus(occupation, day);
  return kind === 'open' || kind === 'list';
}

/** The official pages that back what an occupation line says, in the order it says it (never a `copy-*` source). */
export function occupationSources(occupation: Occupation): string[] {
  const wanted = [
    'gov-eligible-occupations',
    occupation.going_rate_gbp !== null ? 'gov-going-rates' : '',
    occupation.new_entrant_gbp !== null ? 'gov-new-entrant' : '',
    occupation.on_tsl ? 'gov-tsl' : '',
    occupation.on_isl ? 'gov-isl' : '',
    occupation.health_and_care ? 'gov-hcw-your-job' : '',
  ];
  // Related job titles: CareerSmart's ONS-based list where they were read there; else GOV.UK's eligible-occupations
  // table (its related-titles column), already cited first.
  if ((occupation.example_titles ?? []).length > 0) wanted.push(`careersmart-${occupation.soc}`);
  const ids = wanted.filter((id) => id !== '' && occupation.source_ids.includes(id));
  return ids.length > 0 ? ids : occupation.source_ids.filter((id) => !isProvenance(id)).slice(0, 1);
}

/** Whether a source is a machine copy kept only as provenance (`copy-*`): never cited to the student. */
export function isProvenance(sourceId: string): boolean {
  return sourceId.startsWith('copy-');
}

function statusWords(occupation: Occupation, day: string): string {
  const status = sponsorStatus(occupation, day);
  switch (status.kind) {
    case 'open':
      return 'can be sponsored on a Skilled Worker visa (degree level, RQF 6+)';
    case 'list':
      return status.until === ''
        ? `medium-skilled (RQF 3–5): it can be sponsored only through the ${status.list}`
        : `medium-skilled (RQF 3–5): it can be sponsored only while it is on the ${status.list}, which is due to end on ${formatLongDate(status.until)}; a course started now ends after that date, and no replacement has been confirmed, so do not plan on sponsorship in this job`;
    case 'list-ended':
      return `medium-skilled (RQF 3–5): its place on the ${status.list} ended on ${formatLongDate(status.ended)}, so it cannot be sponsored for a new Skilled Worker visa unless a new list names it`;
    case 'closed':
      return occupation.rqf === '3-5'
        ? 'medium-skilled (RQF 3–5) and on neither shortage list: it cannot be sponsored for a new Skilled Worker visa'
        : 'not eligible for Skilled Worker sponsorship';
  }
}

function payWords(occupation: Occupation, table: OccupationTable, day: string): string {
  const { going_rate_gbp: rate, new_entrant_gbp: entrant, going_rate_hourly_gbp: hourly } = occupation;
  if (rate === null) {
    return occupation.health_and_care
      ? 'Pay is set by national pay scales (such as NHS bands), so the table gives no going rate.'
      : 'The table gives no standard going rate for it.';
  }
  const general = table.rules_context.general_threshold_gbp;
  const below =
    rate < general && sponsorStatus(occupation, day).kind === 'open'
      ? `, below the general ${formatGbp(general)} threshold, which applies after the new-entrant years`
      : '';
  const parts = [`Going rate ${formatGbp(rate)} a year${hourly ? ` (£${hourly.toFixed(2)} an hour)` : ''}${below}`];
  if (entrant !== null) parts.push(`new-entrant rate ${formatGbp(entrant)}`);
  return `${parts.join('; ')}.`;
}

/**
 * One occupation as a fact: code and title, sponsorship on `day`, the Immigration Salary List and the Health and Care
 * Worker route, then its pay (`pay`, or a brief reference to an occupation already stated with the same rates).
 */
function occupationFact(occupation: Occupation, day: string, pay: string): Candidate & { tail: string } {
  const care = !occupation.health_and_care
    ? ''
    : sponsorableOn(occupation, day)
      ? '; it is also on the Health and Care Worker visa list'
      : '; its code is on the Health and Care Worker visa list';
  const examples = occupation.example_titles ?? [];
  const titles = examples.length > 0 ? ` Job titles under this code include ${listWords(examples)}.` : '';
  const islEnd =
    occupation.eligible === 'yes' && occupation.on_isl ? (occupation.isl_list_end ?? occupation.list_end) : null;
  const isl = islEnd ? `, and is on the Immigration Salary List until ${formatLongDate(islEnd)}` : '';
  const end = listEnd(occupation);
  return {
    id: occupationFactId(occupation.soc),
    topic: 'skilled_worker',
    statement: `SOC ${occupation.soc} ${occupation.title}: ${statusWords(occupation, day)}${isl}${care}. ${pay}${titles}`,
    tail: `${statusWords(occupation, day)}${isl}${care}. ${pay}${titles}`,
    ...(occupation.going_rate_gbp !== null ? { value: formatGbp(occupation.going_rate_gbp) } : {}),
    ...(end && occupation.eligible !== 'yes' ? { effectiveUntil: end } : {}),
    confidence: occupation.confidence,
    sourceIds: occupationSources(occupation),
    allSources: true,
  };
}

/**
 * The brief reference that replaces an occupation's pay sentence when an earlier occupation in the list (`first`)
 * has the very same one, so the same sentence is not said twice in a report.
 */
function payReference(occupation: Occupation, first: string): string {
  if (occupation.going_rate_gbp === null) {
    return occupation.health_and_care
      ? `Pay is set by national pay scales, as for SOC ${first}.`
      : `Like SOC ${first}, it has no standard going rate in the table.`;
  }
  return occupation.new_entrant_gbp === null
    ? `Same going rate as SOC ${first}.`
    : `Same going and new-entrant rates as SOC ${first}.`;
}

/**
 * The occupations as facts, in the map's order; occupations about which the same is true (several nursing codes on
 * national pay scales) share one fact, so no sentence is said twice: `occupation:2232,2233`. An occupation whose pay
 * is the same as an earlier one's refers back to it instead of repeating the figures.
 */
export function occupationFacts(occupations: readonly Occupation[], table: OccupationTable, day: string): Candidate[] {
  const groups = new Map<string, { occupations: Occupation[]; pay: string }>();
  for (const occupation of occupations) {
    const pay = payWords(occupation, table, day);
    const key = `${occupation.confidence} ${occupationFact(occupation, day, pay).tail}`;
    const group = groups.get(key);
    if (group) group.occupations.push(occupation);
    else groups.set(key, { occupations: [occupation], pay });
  }
  const payStated = new Map<string, string>();
  return [...groups.values()].map(({ occupations: members, pay }) => {
    const [lead] = members;
    const first = payStated.get(pay);
    if (first === undefined) payStated.set(pay, lead.soc);
    const { tail, ...fact } = occupationFact(lead, day, first === undefined ? pay : payReference(lead, first));
    const codes = listWords(members.map((o) => o.soc));
    const unconfirmed =
      fact.confidence === 'high' ? '' : ` Not confirmed by a second source for SOC ${codes}: check the official table.`;
    if (members.length === 1) return { ...fact, statement: `${fact.statement}${unconfirmed}` };
    const names = listWords(members.map((o) => `SOC ${o.soc} ${o.title}`));
    const each = tail.startsWith('can ')
      ? `each ${tail}`
      : `each is ${tail.replace(/^degree level/, 'at degree level')}`;
    return {
      ...fact,
      id: occupationFactId(members.map((o) => o.soc).join(',')),
      statement: `${names}: ${each.replace(/; it is also on\b/, '; each is also on')}${unconfirmed}`,
      sourceIds: [...new Set(members.flatMap(occupationSources))],
    };
  });
}

const YEAR_WORDS = { '1': 'one year', '3': 'three years', '10': 'ten years' } as const;

/** The subject group's DfE LEO median earnings, said plainly as a group figure; null when the map has none. */
export function earningsFact(entry: MapSubject): Candidate | null {
  const earnings = entry.graduate_earnings;
  if (!earnings) return null;
  const sameName = earnings.cah2_name.toLowerCase() === entry.name.toLowerCase();
  const who =
    earnings.level === 'postgraduate'
      ? `${earnings.cah2_name} graduates`
      : sameName
        ? `UK graduates in ${earnings.cah2_name}`
        : `UK graduates in ${earnings.cah2_name}, the wider subject group ${entry.name} belongs to,`;
  // The other years the data holds (1, 3 and 10 years after graduating), in order.
  const years = (['1', '3', '10'] as const)
    .map((y) => [y, earnings.other_years?.[y]] as const)
    .filter((pair): pair is readonly ['1' | '3' | '10', number] => pair[1] !== undefined)
    .map(([y, gbp]) => `${formatGbp(gbp)} ${YEAR_WORDS[y]} after`);
  const early = years.length > 0 ? `, ${listWords(years)}` : '';
  const older = earnings.level === 'postgraduate' ? ', an older figure' : '';
  return {
    id: earningsFactId(entry),
    topic: 'job_market',
    statement: `${who} earned a median ${formatGbp(earnings.median_gbp)} a year ${earnings.years_after} years after graduating${early} (${earnings.tax_year} tax year${older}); this is a guide to the field, not a promise of what you will earn.`,
    value: formatGbp(earnings.median_gbp),
    confidence: 'high',
    sourceIds: [earnings.source_id],
  };
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** The regulators of the profession with their routes to registration, each cited to the pages read for it. */
export function regulatorFacts(
  entry: MapSubject,
  sourceUrl: (id: string) => string,
  route?: { readonly statement: string; readonly sourceIds: readonly string[] },
): Candidate[] {
  const regulators: Regulator[] = [
    ...(entry.regulator ? [entry.regulator] : []),
    ...(entry.regulator_additional ?? []),
  ];
  const pages = entry.source_ids.filter((id) => !isProvenance(id) && !/^(hesa|dfe)-/.test(id));
  return regulators.map((regulator, index) => {
    const own = pages.filter((id) => hostOf(sourceUrl(id)) === hostOf(regulator.url));
    const others = pages.filter((id) => regulators.every((r) => hostOf(sourceUrl(id)) !== hostOf(r.url)));
    const sourceIds = index === 0 && route ? [...route.sourceIds] : index === 0 ? [...own, ...others] : own;
    return {
      id: regulatorFactId(entry, index),
      topic: 'job_market',
      statement: `${regulator.name} registers this profession. ${index === 0 && route ? route.statement : regulator.route}`,
      confidence: 'high',
      sourceIds: sourceIds.length > 0 ? sourceIds : pages.slice(0, 1),
      allSources: true,
    };
  });
}

/** `a, b and c`. */
export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Whether the field's jobs can be sponsored, in one plain statement for the summary: none of them, only some, all of
 * them through the Health and Care Worker route, or all of them but at going rates below the general threshold.
 * Null when the map gives the subject no occupations.
 */
export function outlookFact(
  entry: MapSubject,
  occupations: readonly Occupation[],
  table: OccupationTable,
  day: string,
): Candidate | null {
  if (occupations.length === 0) return null;
  const open = occupations.filter((o) => sponsorStatus(o, day).kind === 'open');
  const shut = occupations.filter((o) => sponsorStatus(o, day).kind !== 'open');
  const name = (o: Occupation): string =>
    `${/^[A-Z][a-z]/.test(o.title) ? o.title.charAt(0).toLowerCase() : o.title.charAt(0)}${o.title.slice(1)} (SOC ${o.soc})`;
  const n = occupations.length;
  const jobs = `${n === 1 ? 'The job' : `the ${n} jobs`} ${entry.name} graduates usually enter`;
  const ends = [...new Set(shut.map(listEnd).filter((d) => d !== null))].map(formatLongDate);
  const why =
    ends.length > 0
      ? ` (medium-skilled; shortage-list places end on ${listWords(ends)})`
      : ' (below degree level, RQF 6, which the route now needs)';
  let statement: string;
  if (open.length === 0) {
    statement = `${jobs.charAt(0).toUpperCase()}${jobs.slice(1)} cannot be sponsored on a Skilled Worker visa for a graduate of a course starting now${why}: after the Graduate visa, staying to work would depend on a degree-level job in another occupation. Weigh this before you commit to the course.`;
  } else if (shut.length > 0) {
    statement = `Only ${open.length} of ${jobs} can be sponsored on a Skilled Worker visa: ${listWords(open.map(name))}. ${listWords(shut.map(name)).replace(/^./, (c) => c.toUpperCase())} cannot${why}, so which job you get decides whether you can stay after the Graduate visa.`;
  } else if (open.every((o) => o.health_and_care)) {
    const all = n === 1 ? 'The job' : n === 2 ? 'Both jobs' : `All ${n} jobs`;
    // "Once registered" only where the map names a regulator (a residual psychology group has psychologists' codes but
    // no regulator recorded, and its report says so under Registration).
    const when = entry.regulator
      ? `once you are registered with the ${entry.regulator.name} and paid on the national pay scale`
      : 'paid on the national pay scale';
    statement = `${all} ${entry.name} graduates usually enter can be sponsored through the Health and Care Worker visa, ${when}.`;
  } else {
    const general = table.rules_context.general_threshold_gbp;
    const care = open.filter((o) => o.health_and_care);
    const rated = open.filter((o) => !o.health_and_care && o.going_rate_gbp !== null);
    const below = rated.filter((o) => o.going_rate_gbp! < general);
    const rates = below.map((o) => o.going_rate_gbp!);
    const range =
      rates.length > 0
        ? `${formatGbp(Math.min(...rates))}${rates.length > 1 ? `–${formatGbp(Math.max(...rates))}` : ''}`
        : '';
    const belowWords =
      below.length === 0
        ? ''
        : below.length === rated.length && care.length === 0
          ? ` but their going rates (${range}) are below the general ${formatGbp(general)} threshold: after the new-entrant years a sponsor must pay you at least ${formatGbp(general)}, which decides whether you can stay`
          : `; the going rate${below.length === 1 ? '' : 's'} of ${listWords(below.map(name))} (${range}) ${below.length === 1 ? 'is' : 'are'} below the general ${formatGbp(general)} threshold, so after the new-entrant years a sponsor must pay you at least ${formatGbp(general)}`;
    const registered = entry.regulator ? `, once you are registered with the ${entry.regulator.name}` : '';
    // "Paid on national pay scales" only where the table gives no going rate (SOC 1171 has one). The titles are
    // plural ("physical scientists"), so "can" spares the verb a number.
    const scales = care.every((o) => o.going_rate_gbp === null) ? ', paid on national pay scales' : '';
    const careWords =
      care.length === 0
        ? ''
        : `${listWords(care.map(name))} can also go through the Health and Care Worker visa${scales}${registered}`;
    const lead = `${jobs.charAt(0).toUpperCase()}${jobs.slice(1)} ${n === 1 ? 'is' : 'are'} degree-level and can be sponsored on a Skilled Worker visa`;
    statement = careWords
      ? `${lead}: ${careWords}${belowWords}.`
      : below.length > 0 && below.length === rated.length
        ? `${jobs.charAt(0).toUpperCase()}${jobs.slice(1)} can be sponsored,${belowWords}.`
        : `${lead} if the pay meets the threshold${belowWords}.`;
  }
  return {
    id: outlookFactId(entry),
    topic: 'skilled_worker',
    statement,
    confidence: occupations.every((o) => o.confidence === 'high') ? 'high' : 'medium',
    sourceIds: [...new Set(occupations.flatMap((o) => occupationSources(o).slice(0, 1)))],
    allSources: true,
  };
}
