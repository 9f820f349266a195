/** The student's profile: level, intake, city and nationality read from their words or given explicitly. */
export { checkProfileFields, mergeProfile, readProfile } from './read.js';
export type { CheckedProfileFields, ProfileFieldError, ProfileFields, ProfileReading } from './read.js';
export { intakeInRange, lastIntakeMonth, nextOccurrence } from './intake.js';
export { canonicalCity, OUTSIDE_LONDON, UK_CITIES } from './place.js';
export { EMPTY_PROFILE, NATIONALITIES, STUDY_LEVELS } from './types.js';
export type { Nationality, StudentProfile, StudyLevel } from './types.js';
export { nextIntakes, NOT_SURE, profileQuestions } from './questions.js';
export type { ProfileQuestion } from './questions.js';
