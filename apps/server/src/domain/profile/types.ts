/** The three study levels a report can be written for (the contract's `level`). */
export const STUDY_LEVELS = ['undergraduate', 'postgraduate_taught', 'postgraduate_research'] as const;

/** A study level: a bachelor's degree, a taught master's (or PGCE), or a research degree (PhD, MPhil, MRes). */
export type StudyLevel = (typeof STUDY_LEVELS)[number];

/** The nationalities the app is written for (the contract's `nationality`, ISO 3166-1 alpha-2). */
export const NATIONALITIES = ['IN', 'PK', 'BD', 'LK', 'NP'] as const;

/** One of the five nationalities the app is written for. */
export type Nationality = (typeof NATIONALITIES)[number];

/** What a report is written for; each part `null` when unknown. `intake` is `YYYY-MM`, the month the course starts. */
export interface StudentProfile {
  readonly level: StudyLevel | null;
  readonly intake: string | null;
  readonly city: string | null;
  readonly nationality: Nationality | null;
}

/** A profile with nothing known. */
export const EMPTY_PROFILE: StudentProfile = { level: null, intake: null, city: null, nationality: null };
