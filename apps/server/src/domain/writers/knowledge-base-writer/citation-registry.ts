import type { NumberedSource, RetrievedFact } from '../../report/types.js';

/**
 * Numbers a report's sources in the order the text first cites them, so the citations hold exactly the
 * sources used (1..n, no gaps). A source keeps its excerpt (a verbatim quote, or null).
 */
export class CitationRegistry {
  private readonly retrieved: ReadonlyMap<number, NumberedSource>;
  /** Retrieval number → report number. */
  private readonly numbers = new Map<number, number>();

  constructor(sources: readonly NumberedSource[]) {
    this.retrieved = new Map(sources.map((source) => [source.n, source]));
  }

  /** The markers (`[3][7]`, ascending) for a fact's sources, numbering any source cited for the first time. */
  cite(fact: RetrievedFact): string {
    return fact.sourceNumbers
      .filter((n) => this.retrieved.has(n))
      .map((n) => {
        const reportN = this.numbers.get(n) ?? this.numbers.size + 1;
        this.numbers.set(n, reportN);
        return reportN;
      })
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('');
  }

  /** The sources cited so far, renumbered as cited. */
  sources(): NumberedSource[] {
    return [...this.numbers].map(([retrievalN, n]) => ({ ...this.retrieved.get(retrievalN)!, n }));
  }
}
