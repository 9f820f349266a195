import type { Candidate } from './candidate.js';
import { occupationSources } from './field-facts.js';
import { formatGbp } from './format.js';
import type { Occupation, OccupationTable } from './occupations-schema.js';
import type { MapSubject } from './subject-map-schema.js';

/**
 * Out-of-field jobs for the Fallback section, from the subject map: degree-level occupations that graduates of
 * related subjects usually enter (the same HESA CAH2 group first, then the same CAH1 group), which the field's own
 * list does not hold, which are open to new Skilled Worker sponsorship and which have a going rate (jobs on national
 * pay scales, such as optometrist, belong to a regulated degree of their own and are left out, as are the jobs of
 * subjects with a regulator). Pure: the facts are the occupation table's.
 */

/** Related jobs listed at most. */
export const MAX_RELATED_JOBS = 4;

/** One out-of-field job: its occupation and the related subjects whose graduates usually enter it (map names). */
export interface RelatedJob {
  readonly soc: string;
  readonly title: string;
  /** The retrieved fact that states it (`related:2113`). */
  readonly factId: string;
  /** The related subjects, in the map's order. */
  readonly subjects: readonly string[];
  /** Whether the subjects are in the entry's own CAH2 group (else its wider CAH1 group). */
  readonly sameGroup: boolean;
}

/** The id of the retrieved fact that states one related occupation. */
export const relatedFactId = (soc: string): string => `related:${soc}`;

/** The CAH1 part of a CAH2 code (`CAH03-01` → `CAH03`). */
const cah1 = (cah2: string): string => cah2.slice(0, 5);

/**
 * The out-of-field jobs for `entry`, at most `max`: first those of subjects in its CAH2 group, then of its CAH1 group,
 * each group ordered by how many related subjects lead to the job (then by SOC code). `bySoc` is the occupation table
 * by code, the one `retrieve` already builds.
 */
export function relatedJobs(
  entry: MapSubject,
  subjects: readonly MapSubject[],
  bySoc: ReadonlyMap<string, Occupation>,
  max = MAX_RELATED_JOBS,
): RelatedJob[] {
  const group = entry.cah2;
  if (!group) return [];
  const own = new Set(entry.soc_codes);
  const collect = (related: (s: MapSubject) => boolean, sameGroup: boolean): RelatedJob[] => {
    const found = new Map<string, string[]>();
    for (const subject of subjects) {
      if (subject.id === entry.id || subject.regulator !== null || !related(subject)) continue;
      for (const soc of subject.soc_codes) {
        const o = bySoc.get(soc);
        if (!o || own.has(soc) || o.eligible !== 'yes' || o.going_rate_gbp === null) continue;
        found.set(soc, [...(found.get(soc) ?? []), subject.name]);
      }
    }
    return [...found]
      .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
      .map(([soc, names]) => ({
        soc,
        title: bySoc.get(soc)!.title,
        factId: relatedFactId(soc),
        subjects: names,
        sameGroup,
      }));
  };
  const near = collect((s) => s.cah2 === group, true);
  const wider = collect((s) => s.cah2 !== null && s.cah2 !== group && cah1(s.cah2) === cah1(group), false).filter(
    (job) => !near.some((n) => n.soc === job.soc),
  );
  return [...near, ...wider].slice(0, max);
}

/**
 * One related job as a fact, in one sentence (the Fallback section is a short list): code and title, open to
 * sponsorship, the going rate and the new-entrant rate, the Health and Care Worker list where it applies.
 */
function relatedStatement(o: Occupation, table: OccupationTable): string {
  const general = table.rules_context.general_threshold_gbp;
  const rate = o.going_rate_gbp!;
  const below = rate < general ? ` (below the general ${formatGbp(general)} threshold, which then applies)` : '';
  const entrant = o.new_entrant_gbp !== null ? `; new-entrant rate ${formatGbp(o.new_entrant_gbp)}` : '';
  const care = o.health_and_care ? '; also on the Health and Care Worker visa list' : '';
  const unconfirmed =
    o.confidence === 'high' ? '' : '; no second source confirms these figures, so check the official table';
  return `SOC ${o.soc} ${o.title}: degree level (RQF 6+), open to Skilled Worker sponsorship; going rate ${formatGbp(rate)} a year${below}${entrant}${care}${unconfirmed}.`;
}

/** The related jobs as facts (topic `fallback_jobs`), cited to the official pages that give each figure. */
export function relatedFacts(
  jobs: readonly RelatedJob[],
  occupations: readonly Occupation[],
  table: OccupationTable,
): Candidate[] {
  return jobs.map((job) => {
    const o = occupations.find((x) => x.soc === job.soc)!;
    return {
      id: job.factId,
      topic: 'fallback_jobs',
      statement: relatedStatement(o, table),
      value: formatGbp(o.going_rate_gbp!),
      confidence: o.confidence,
      sourceIds: occupationSources(o),
      allSources: true,
    };
  });
}
