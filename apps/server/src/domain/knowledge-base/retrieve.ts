import type { NumberedSource, RetrievedFact, Retrieval } from '../report/types.js';
import { excerptOf } from './excerpt.js';
import { formatGbpRange } from './format.js';
import { GENERAL_FACT_IDS, SUBJECT_FACT_IDS } from './general-facts.js';
import type { Fact, KnowledgeBase, Source, SubjectEntry } from './schema.js';
import { findSubject } from './subject-match.js';

export { findSubject } from './subject-match.js';

/** A sentence cites at most this many sources: the first (official) one and the text-checked ones after it. */
export const MAX_SOURCES_PER_FACT = 3;

/** What `retrieve` is asked for. */
export interface RetrievalQuery {
  /** The subject as the query rules returned it (for example "MSc Data Science"). */
  readonly subject: string;
  /** The knowledge base's subject id, when the query rules already matched one. */
  readonly subjectId?: string | null;
}

/** The id of the retrieved fact that carries a subject entry's demand notes (its roles and regulation rest on it). */
export function subjectFactId(entry: SubjectEntry): string {
  return `subject:${entry.id}`;
}

/** The id of the retrieved fact that carries a subject entry's indicative tuition ranges. */
export function subjectTuitionFactId(entry: SubjectEntry): string {
  return `subject-tuition:${entry.id}`;
}

/** A fact before its sources are numbered. */
type Candidate = Omit<Fact, 'source_ids' | 'effective_from'> & { effectiveFrom?: string; sourceIds: string[] };

/**
 * Retrieves what a report on `subject` needs: the subject's own entry (as a tuition fact and a demand fact) when
 * the knowledge base has one, the general facts every report needs, then the facts specific to the subject.
 * Sources are numbered 1..n in the order the facts first cite them; each carries the statements it supports.
 */
export function retrieve(kb: KnowledgeBase, query: RetrievalQuery): Retrieval {
  const entry = findSubject(kb, query.subject, query.subjectId);
  const factsById = new Map(kb.facts.map((fact) => [fact.id, fact]));
  const sourcesById = new Map(kb.sources.map((source) => [source.id, source]));
  const candidates: Candidate[] = entry ? subjectCandidates(entry, kb) : [];
  const seen = new Set<string>();
  const extraIds = entry ? (SUBJECT_FACT_IDS[entry.id] ?? []) : [];
  for (const id of [...GENERAL_FACT_IDS, ...extraIds]) {
    const fact = factsById.get(id);
    if (!fact || seen.has(id)) continue;
    seen.add(id);
    const { source_ids: sourceIds, effective_from: effectiveFrom, ...rest } = fact;
    candidates.push({ ...rest, ...(effectiveFrom ? { effectiveFrom } : {}), sourceIds });
  }
  return { subject: query.subject.trim(), asOf: kb.as_of, subjectEntry: entry, ...numberSources(candidates, sourcesById) };
}

/** The subject entry as two facts: its indicative tuition (if any range applies) and its demand notes. */
function subjectCandidates(entry: SubjectEntry, kb: KnowledgeBase): Candidate[] {
  const candidates: Candidate[] = [];
  const { ug, pg_taught: pgt } = entry.tuition_gbp_per_year_international;
  if (ug || pgt) {
    const amounts = [
      ug && `${formatGbpRange(ug)} a year for undergraduate degrees`,
      pgt && `${formatGbpRange(pgt)} a year for taught postgraduate degrees`,
    ].filter(Boolean);
    const missing = ug ? (pgt ? '' : ' (there is no separate taught postgraduate route)') : ' (there is no undergraduate route)';
    const value = [ug && `UG ${formatGbpRange(ug)}`, pgt && `PGT ${formatGbpRange(pgt)}`].filter(Boolean).join('; ');
    candidates.push({
      id: subjectTuitionFactId(entry),
      topic: 'tuition',
      statement: `Indicative international tuition for ${entry.name} is about ${amounts.join(' and ')}${missing}.`,
      value,
      confidence: 'medium',
      note: 'Indicative estimate from sampled fee pages and general knowledge; always check the course page.',
      sourceIds: tuitionSourceIds(entry, kb),
    });
  }
  candidates.push({
    id: subjectFactId(entry),
    topic: 'job_market',
    statement: entry.demand_notes,
    confidence: 'medium',
    sourceIds: [...entry.source_ids],
  });
  return candidates;
}

/** The subject's own fee-page sources, or else those of the general tuition ranges. */
function tuitionSourceIds(entry: SubjectEntry, kb: KnowledgeBase): string[] {
  const feeSources = new Set(kb.facts.filter((fact) => fact.topic === 'tuition').flatMap((fact) => fact.source_ids));
  const own = entry.source_ids.filter((id) => feeSources.has(id));
  if (own.length > 0) return own;
  return kb.facts.filter((fact) => fact.id === 'tuition-ug-range' || fact.id === 'tuition-pgt-range').flatMap((f) => f.source_ids);
}

/** The first (official) source plus the text-checked ones after it, up to `MAX_SOURCES_PER_FACT`. */
function citedSourceIds(ids: readonly string[], sourcesById: ReadonlyMap<string, Source>): string[] {
  const [first, ...rest] = [...new Set(ids)];
  return [first, ...rest.filter((id) => sourcesById.get(id)!.text_checked)].slice(0, MAX_SOURCES_PER_FACT);
}

function numberSources(
  candidates: readonly Candidate[],
  sourcesById: ReadonlyMap<string, Source>,
): { facts: RetrievedFact[]; sources: NumberedSource[] } {
  const numbers = new Map<string, number>();
  const statements = new Map<string, string[]>();
  const facts = candidates.map(({ sourceIds, ...fact }): RetrievedFact => {
    const sourceNumbers = citedSourceIds(sourceIds, sourcesById).map((id) => {
      if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
      statements.set(id, [...(statements.get(id) ?? []), fact.statement]);
      return numbers.get(id)!;
    });
    return { ...fact, sourceNumbers };
  });
  const sources = [...numbers].map(([id, n]): NumberedSource => {
    const source = sourcesById.get(id)!;
    return {
      n,
      sourceId: id,
      url: source.url,
      title: source.title,
      publisher: source.publisher,
      accessedDate: source.accessed,
      excerpt: excerptOf(statements.get(id)!),
    };
  });
  return { facts, sources };
}
