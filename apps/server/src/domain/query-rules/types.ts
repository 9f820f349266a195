/** The contract's refusal codes that the query rules can produce. */
export type QueryRefusalCode = 'UK_ONLY' | 'MULTIPLE_SUBJECTS' | 'MULTIPLE_COUNTRIES' | 'VALIDATION_ERROR';

/** A request the rules refuse: the contract's error code, a human sentence, and the input field at fault. */
export type QueryRefusal = {
  ok: false;
  code: QueryRefusalCode;
  detail: string;
  field: 'subject' | 'country';
};

/** A request the rules accept: one subject in the UK. */
export type QueryAccepted = {
  ok: true;
  /**
   * Plain display text: the catalogue's canonical name (with a degree award such as "MSc" when one was given), or
   * the student's own words for an unknown subject.
   */
  subject: string;
  /**
   * The knowledge base's subject id (e.g. `nursing`, `data-science-ai`) when the subject belongs to one of its 15
   * subjects, else the catalogue's own id (`history`); `null` when the subject is unknown.
   */
  subjectId: string | null;
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
