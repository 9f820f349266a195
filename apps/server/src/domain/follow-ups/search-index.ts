import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge-base/schema.js';
import { occupationFactId } from '../knowledge-base/field-facts.js';
import { searchTerm } from './words.js';

/** What a search document stands for: a fact, an occupation (SOC), a subject-map entry or a detailed subject. */
export type DocumentKind = 'fact' | 'occupation' | 'subject' | 'detailed';

/** One indexed document. `key` is the fact id, `occupation:<SOC>`, the map id, or the detailed subject's id. */
export interface SearchDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly key: string;
  /** The names a student would use for it: a subject's names and aliases, an occupation's titles. */
  readonly names: string;
  /** The words of a fact's topic (weighed less than a name or the statement). */
  readonly topic: string;
  /** The statement itself. */
  readonly text: string;
}

/** A document found for a question, with its full-text score and the terms it matched. */
export interface SearchHit {
  readonly document: SearchDocument;
  readonly score: number;
  /** The question's terms it matched (some through a prefix or a misspelling). */
  readonly terms: readonly string[];
  /** The document's own terms that matched (exactly the question's where no prefix or misspelling was needed). */
  readonly documentTerms: readonly string[];
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
      names: '',
      topic: TOPIC_WORDS[fact.topic] ?? fact.topic,
      text: [fact.statement, fact.value ?? ''].join(' '),
    }));
  const occupations = kb.occupations.occupations.map((o): SearchDocument => ({
    id: occupationFactId(o.soc),
    kind: 'occupation',
    key: o.soc,
    names: [o.title, ...(o.example_titles ?? [])].join(' | '),
    topic: '',
    text: `SOC ${o.soc} ${o.title} skilled worker going rate salary pay`,
  }));
  const subjects = kb.subjectMap.subjects.map((s): SearchDocument => ({
    id: `map:${s.id}`,
    kind: 'subject',
    key: s.id,
    names: [s.name, ...s.aliases, s.cah_label ?? '', ...s.typical_degrees].join(' | '),
    topic: '',
    text: [
      `${s.name} graduates jobs`,
      s.graduate_earnings ? 'median earnings salary pay years after graduating' : '',
      s.soc_codes.length > 0 ? 'skilled worker sponsorship' : '',
      s.regulator ? `registration ${s.regulator.name}` : '',
    ].join(' '),
  }));
  const detailed = kb.subjects.map((s): SearchDocument => ({
    id: `detailed:${s.id}`,
    kind: 'detailed',
    key: s.id,
    names: [s.name, ...s.aliases].join(' | '),
    topic: '',
    text: `${s.demand_notes} tuition fees`,
  }));
  return [...facts, ...occupations, ...subjects, ...detailed];
}

/** A term held by more than this share of the documents says little about what a question is about. */
const GENERIC_SHARE = 0.04;

/** A full-text index over the knowledge base (MiniSearch), built once per knowledge base. */
export class KnowledgeSearch {
  private readonly index: MiniSearch<SearchDocument>;
  readonly documents: ReadonlyMap<string, SearchDocument>;
  /** How many documents hold each term (matching form). */
  private readonly documentFrequency = new Map<string, number>();

  constructor(kb: KnowledgeBase) {
    const documents = searchDocuments(kb);
    this.documents = new Map(documents.map((d) => [d.id, d]));
    this.index = new MiniSearch<SearchDocument>({
      fields: ['names', 'topic', 'text'],
      storeFields: [],
      processTerm: searchTerm,
      searchOptions: {
        processTerm: searchTerm,
        boost: { names: 2, topic: 2 },
        prefix: (term) => term.length >= 5,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      },
    });
    this.index.addAll(documents);
    for (const document of documents) {
      const terms = new Set(
        [document.names, document.topic, document.text]
          .flatMap((field) => field.split(/[^\p{L}\p{N}'’-]+/u).map(searchTerm))
          .filter((t) => t !== null),
      );
      for (const term of terms) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
  }

  /** Whether a term is too common to say what a question is about (in more than 4 % of the documents). */
  isGeneric(term: string): boolean {
    return (this.documentFrequency.get(term) ?? 0) > this.documents.size * GENERIC_SHARE;
  }

  /** The documents that match `query` (a question with its synonyms added), best first. */
  search(query: string, limit = 40): SearchHit[] {
    return this.index
      .search(query, { combineWith: 'OR' })
      .slice(0, limit)
      .map((result) => ({
        document: this.documents.get(String(result.id))!,
        score: result.score,
        terms: result.queryTerms,
        documentTerms: result.terms,
      }));
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
