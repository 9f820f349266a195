import type { Nationality, StudyLevel } from '@uksmr/contract';

/** The study levels and nationalities are the wire contract's. */
export { NATIONALITIES, STUDY_LEVELS, type Nationality, type StudyLevel } from '@uksmr/contract';

/** What a report is written for; each part `null` when unknown. `intake` is `YYYY-MM`, the month the course starts. */
export interface StudentProfile {
  readonly level: StudyLevel | null;
  readonly intake: string | null;
  readonly city: string | null;
  readonly nationality: Nationality | null;
}

/** A profile with nothing known. */
export const EMPTY_PROFILE: StudentProfile = { level: null, intake: null, city: null, nationality: null };
