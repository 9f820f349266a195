import { excerptOf } from '../../knowledge-base/excerpt.js';
import type { NumberedSource, RetrievedFact } from '../../report/types.js';

/**
 * Numbers a report's sources in the order the text first cites them, so the citations hold exactly the
 * sources used (1..n, no gaps), each with the statements it was cited for as its excerpt.
 */
export class CitationRegistry {
  private readonly retrieved: ReadonlyMap<number, NumberedSource>;
  /** Retrieval number → report number. */
  private readonly numbers = new Map<number, number>();
  /** Report number → the statements cited with it. */
  private readonly statements = new Map<number, string[]>();

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
        this.statements.set(reportN, [...(this.statements.get(reportN) ?? []), fact.statement]);
        return reportN;
      })
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('');
  }

  /** The sources cited so far, renumbered as cited, with excerpts of what they were cited for. */
  sources(): NumberedSource[] {
    return [...this.numbers].map(([retrievalN, n]) => ({
      ...this.retrieved.get(retrievalN)!,
      n,
      excerpt: excerptOf(this.statements.get(n)!),
    }));
  }
}
