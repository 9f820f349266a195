import { formatLongDate } from '../../knowledge-base/format.js';
import type { FactTopic, SubjectEntry } from '../../knowledge-base/schema.js';
import { subjectFactId, subjectTuitionFactId } from '../../knowledge-base/retrieve.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import type { RetrievedFact, WriterInput } from '../../report/types.js';
import { personalView, type PersonalView } from '../personal-view.js';
import type { CitationRegistry } from './citation-registry.js';

/** Where a fact that no template places is added, by its topic. */
export type ExtraPlace =
  | 'study_options'
  | 'tuition_ranges'
  | 'living_costs'
  | 'visa_immigration'
  | 'post_study_work'
  | 'job_prospects_in_field'
  | 'fallback_job_prospects'
  | 'risks_reality_check';

const PLACE_BY_TOPIC: Readonly<Record<FactTopic, ExtraPlace>> = {
  english: 'study_options',
  tuition: 'tuition_ranges',
  costs: 'living_costs',
  visa: 'visa_immigration',
  dependants: 'visa_immigration',
  timeline: 'visa_immigration',
  health_surcharge: 'post_study_work',
  post_study_work: 'post_study_work',
  skilled_worker: 'job_prospects_in_field',
  job_market: 'job_prospects_in_field',
  work_rights: 'fallback_job_prospects',
  fallback_jobs: 'fallback_job_prospects',
  risks: 'risks_reality_check',
};

/** A sentence (or several) with citation markers placed before its closing full stop, which is added if missing. */
export function withMarker(text: string, marker: string): string {
  const [, body, stop] = /^([\s\S]*?)([.!?]?)$/.exec(text.trim())!;
  return `${body}${marker ? ` ${mergeMarkers(marker)}` : ''}${stop || '.'}`;
}

/** `[6][7][6][2]` → `[2][6][7]`: each source once, in ascending order. */
export function mergeMarkers(markers: string): string {
  const numbers = [...new Set([...markers.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  return numbers.map((n) => `[${n}]`).join('');
}

/** What the section builders write with: the retrieved facts, quoted with their citation markers. */
export interface WritingContext {
  readonly input: WriterInput;
  /** The student's profile, timeline, money table and threshold. */
  readonly personal: PersonalView;
  /** The markers of the retrieved facts among `ids` (`[2][5]`), each source once; empty when none was retrieved. */
  citeIds(ids: readonly string[]): string;
  /** The matched subject entry, or null for a subject the knowledge base does not hold. */
  readonly entry: SubjectEntry | null;
  /** The subject as shown in the text: the entry's name, or the student's words in quotes. */
  readonly subjectName: string;
  /** The subject entry's demand fact and tuition fact, when retrieved. */
  readonly subjectFact: RetrievedFact | undefined;
  readonly tuitionFact: RetrievedFact | undefined;
  /** A retrieved fact by id (marks it as placed). */
  fact(id: string): RetrievedFact | undefined;
  /** A fact's citation markers (`[2][5]`). */
  cite(fact: RetrievedFact): string;
  /**
   * A fact's statement with its markers before the closing full stop, the first time it is stated; later, a brief
   * reference back (its value, "as above", with the markers). A rule that ended before the report's day says so.
   */
  quote(fact: RetrievedFact): string;
  /** Whether a fact has already been stated in full in this report. */
  isStated(fact: RetrievedFact): boolean;
  /** A fact's value (or statement, when it has no value) and its markers, no full stop, for the summary; not counted as stated. */
  brief(fact: RetrievedFact): string;
  /** The statements of the retrieved facts among `ids`, each cited; null when none was retrieved. */
  say(...ids: string[]): string | null;
  /** `**label:** statements`, or `**label:** Information not available.` when none was retrieved. */
  labelled(label: string, ...ids: string[]): string;
  /** The same as a list item (`- **label:** …`). */
  item(label: string, ...ids: string[]): string;
  /** Retrieved facts that no template places, for one part of the report: a bold lead line, then a list. */
  extras(place: ExtraPlace): string[];
}

/**
 * A writing context over a registry. `placed` collects the ids the templates ask for; `unplaced` is the set of
 * facts a first pass found no template for (empty on that first pass), added by topic through `extras`.
 */
export function createContext(
  input: WriterInput,
  registry: CitationRegistry,
  placed: Set<string>,
  unplaced: readonly RetrievedFact[],
): WritingContext {
  const { retrieval } = input;
  const entry = retrieval.subjectEntry;
  const byId = new Map(retrieval.facts.map((fact) => [fact.id, fact]));
  const fact = (id: string): RetrievedFact | undefined => {
    placed.add(id);
    return byId.get(id);
  };
  const stated = new Set<string>();
  const quote = (f: RetrievedFact): string => {
    const marker = registry.cite(f);
    if (stated.has(f.id)) return withMarker(f.value ? `${f.value}, as above` : 'As above', marker);
    stated.add(f.id);
    const ended =
      f.effectiveUntil && f.effectiveUntil < retrieval.on
        ? `Until ${formatLongDate(f.effectiveUntil)} (this has now ended): `
        : '';
    return withMarker(`${ended}${f.statement}`, marker);
  };
  const brief = (f: RetrievedFact): string => `${(f.value ?? f.statement).replace(/[.!?]$/, '')} ${registry.cite(f)}`;
  const say = (...ids: string[]): string | null => {
    const quoted = ids
      .map(fact)
      .filter((f) => f !== undefined)
      .map(quote);
    return quoted.length > 0 ? quoted.join(' ') : null;
  };
  const labelled = (label: string, ...ids: string[]): string => `**${label}:** ${say(...ids) ?? `${NOT_AVAILABLE}.`}`;
  const citeIds = (ids: readonly string[]): string =>
    mergeMarkers(
      ids
        .map(fact)
        .filter((f) => f !== undefined)
        .map((f) => registry.cite(f))
        .join(''),
    );
  return {
    input,
    personal: personalView(input),
    citeIds,
    entry,
    subjectName: retrieval.mapEntry?.name ?? entry?.name ?? `“${retrieval.subject}”`,
    subjectFact: entry ? fact(subjectFactId(entry)) : undefined,
    tuitionFact: entry ? fact(subjectTuitionFactId(entry)) : undefined,
    fact,
    cite: (f) => registry.cite(f),
    quote,
    brief,
    isStated: (f) => stated.has(f.id),
    say,
    labelled,
    item: (label, ...ids) => `- ${labelled(label, ...ids)}`,
    extras: (place) => {
      const items = unplaced.filter((f) => PLACE_BY_TOPIC[f.topic as FactTopic] === place).map((f) => `- ${quote(f)}`);
      if (items.length === 0) return [];
      const name = retrieval.mapEntry?.name ?? entry?.name;
      // Only a detailed subject has facts of its own; a map subject's extras are rules its jobs fall under (the
      // shortage-list review for a job on the Temporary Shortage List), not facts about the subject.
      const heading = !name
        ? 'Also relevant'
        : entry
          ? `Specific to ${name}`
          : `Also relevant to ${name} graduates' jobs`;
      return ['', `**${heading}**`, '', ...items];
    },
  };
}
