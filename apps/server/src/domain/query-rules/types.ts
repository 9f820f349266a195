/** The contract's refusal codes that the query rules can produce. */
export type QueryRefusalCode =
  'UK_ONLY' | 'MULTIPLE_SUBJECTS' | 'MULTIPLE_COUNTRIES' | 'NOT_A_SUBJECT' | 'VALIDATION_ERROR';

/** A request the rules refuse: the contract's error code, a human sentence, and the input field at fault. */
export type QueryRefusal = {
  ok: false;
  code: QueryRefusalCode;
  detail: string;
  field: 'subject' | 'country';
};

/** A request the rules accept: one subject in the UK, placed on the subject map. */
export type QueryAccepted = {
  ok: true;
  /**
   * The report's title in the student's own words ("Fashion Design", "MSc Data Science", "Quantum Computing"):
   * filler, places and dates left out, the UK award they named kept, misspellings and shorthand written out.
   */
  subject: string;
  /** The subject-map entry the report is about (`marine-biology`). */
  subjectId: string;
  /** `entry`: the map has this subject; `parent`: it is covered by the map entry of its nearest parent group. */
  matchedVia: 'entry' | 'parent';
  /** For `parent`, one sentence saying which group the report covers instead; else `null`. */
  note: string | null;
};

/** What a person typed on the report form. */
export interface QueryInput {
  readonly subject: string;
  readonly country?: string;
}

/** The one detail `UK_ONLY` always carries (fixed by the contract). */
export const UK_ONLY_DETAIL = 'This MVP currently supports the UK only.';

/** Longest subject text accepted, counted in Unicode code points after trimming. */
export const MAX_SUBJECT_LENGTH = 200;
