import type { Fact } from './schema.js';

/** A fact as retrieval assembles it, before its sources are numbered. */
export type Candidate = Omit<Fact, 'source_ids' | 'effective_from' | 'effective_until'> & {
  effectiveFrom?: string;
  effectiveUntil?: string;
  sourceIds: string[];
  /** Cite every source in `sourceIds` (each supports a part of the statement), not only the first and checked ones. */
  allSources?: boolean;
};
