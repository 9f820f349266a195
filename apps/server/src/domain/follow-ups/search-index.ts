import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge-base/schema.js';
import { occupationFactId } from '../knowledge-base/field-facts.js';
import { expandQuery, searchTerm } from './words.js';

/** What a search document stands for: a fact, an occupation (SOC), a subject-map entry or a detailed subject. */
export type DocumentKind = 'fact' | 'occupation' | 'subject' | 'detailed';

/** One indexed document. `key` is the fact id, `occupation:<SOC>`, the map id, or the detailed subject's id. */
export interface SearchDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly key: string;
  /** The words a student would use for it: a subject's names, an occupation's titles, a fact's topic. */
  readonly names: string;
  /** The statement itself. */
  readonly text: string;
}

/** A document found for a question, with its full-text score and the question's terms it matched. */
export interface SearchHit {
  readonly document: SearchDocument;
  readonly score: number;
  readonly terms: readonly string[];
}

/** Words each fact topic is known by, so that "Can my wife come?" finds the dependants facts by their topic too. */
const TOPIC_WORDS: Readonly<Record<string, string>> = {
  visa: 'student visa application',
  costs: 'cost living money funds budget',
  tuition: 'tuition fee fees',
  post_study_work: 'graduate visa after study stay work',
  work_rights: 'work part-time job hours',
  english: 'english language test',
  dependants: 'dependants family partner children',
  health_surcharge: 'health surcharge nhs',
  skilled_worker: 'skilled worker visa sponsorship salary',
  job_market: 'jobs employment graduate market pay',
  fallback_jobs: 'part-time jobs wage pay',
  risks: 'risk refusal',
  timeline: 'date when change',
};

/** The documents of the knowledge base (low-confidence facts are left out, as reports leave them out). */
export function searchDocuments(kb: KnowledgeBase): SearchDocument[] {
  const facts = kb.facts
    .filter((fact) => fact.confidence !== 'low')
    .map((fact): SearchDocument => ({
      id: `fact:${fact.id}`,
      kind: 'fact',
      key: fact.id,
      names: TOPIC_WORDS[fact.topic] ?? fact.topic,
      text: [fact.statement, fact.value ?? ''].join(' '),
    }));
  const occupations = kb.occupations.occupations.map((o): SearchDocument => ({
    id: occupationFactId(o.soc),
    kind: 'occupation',
    key: o.soc,
    names: [o.title, ...(o.example_titles ?? [])].join(' | '),
    text: `SOC ${o.soc} ${o.title} skilled worker going rate salary pay`,
  }));
  const subjects = kb.subjectMap.subjects.map((s): SearchDocument => ({
    id: `map:${s.id}`,
    kind: 'subject',
    key: s.id,
    names: [s.name, ...s.aliases, s.cah_label ?? '', ...s.typical_degrees].join(' | '),
    text: `${s.name} graduates earnings jobs ${s.regulator ? `registration ${s.regulator.name}` : ''}`,
  }));
  const detailed = kb.subjects.map((s): SearchDocument => ({
    id: `detailed:${s.id}`,
    kind: 'detailed',
    key: s.id,
    names: [s.name, ...s.aliases].join(' | '),
    text: `${s.demand_notes} tuition fees`,
  }));
  return [...facts, ...occupations, ...subjects, ...detailed];
}

/** A full-text index over the knowledge base (MiniSearch), built once per knowledge base. */
export class KnowledgeSearch {
  private readonly index: MiniSearch<SearchDocument>;
  readonly documents: ReadonlyMap<string, SearchDocument>;

  constructor(kb: KnowledgeBase) {
    const documents = searchDocuments(kb);
    this.documents = new Map(documents.map((d) => [d.id, d]));
    this.index = new MiniSearch<SearchDocument>({
      fields: ['names', 'text'],
      storeFields: [],
      processTerm: searchTerm,
      searchOptions: { processTerm: searchTerm, boost: { names: 2 }, prefix: (term) => term.length >= 5, fuzzy: (term) => (term.length >= 6 ? 0.2 : false) },
    });
    this.index.addAll(documents);
  }

  /** The documents that match the question (with its synonyms added), best first. */
  search(question: string, limit = 40): SearchHit[] {
    return this.index
      .search(expandQuery(question), { combineWith: 'OR' })
      .slice(0, limit)
      .map((result) => ({ document: this.documents.get(String(result.id))!, score: result.score, terms: result.queryTerms }));
  }
}

const built = new WeakMap<KnowledgeBase, KnowledgeSearch>();

/** The knowledge base's search index, built on first use and kept for its lifetime. */
export function knowledgeSearch(kb: KnowledgeBase): KnowledgeSearch {
  let search = built.get(kb);
  if (!search) {
    search = new KnowledgeSearch(kb);
    built.set(kb, search);
  }
  return search;
}
