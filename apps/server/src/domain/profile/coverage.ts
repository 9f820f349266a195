/**
 * A stand-in for the knowledge base's `describeCoverage` (issue 9), kept in this one file so it can be swapped:
 * `detailed` when the subject has its own entry in `uk-facts.json` subjects, else `general`.
 */

/** How deep the knowledge base goes for a subject (the contract's `coverage`). */
export type Coverage = 'detailed' | 'occupations' | 'general';

/** A coverage level and the sentence that tells the student what the report will and will not hold. */
export interface CoverageDescription {
  readonly coverage: Coverage;
  readonly note: string;
}

/** The coverage of `subjectId`, given the ids of the subjects with their own facts. */
export function describeCoverage(subjectId: string | null, detailedSubjectIds: ReadonlySet<string>): CoverageDescription {
  if (subjectId !== null && detailedSubjectIds.has(subjectId)) {
    return {
      coverage: 'detailed',
      note:
        'The knowledge base has facts of its own for this subject: tuition ranges, the jobs it leads to with their pay, ' +
        'and the registration route where the profession is regulated, as well as the visa, cost and work rules.',
    };
  }
  return {
    coverage: 'general',
    note:
      'The knowledge base has no facts of its own for this subject yet: the report gives the UK visa, cost and work ' +
      'rules that apply to every student, and says where it has no figures for this subject’s courses and jobs.',
  };
}
