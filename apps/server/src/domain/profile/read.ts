import { intakeInRange, lastIntakeMonth, readIntake } from './intake.js';
import { readLevel } from './level.js';
import { canonicalCity, readCity, readNationality } from './place.js';
import { NATIONALITIES, STUDY_LEVELS, type Nationality, type StudentProfile, type StudyLevel } from './types.js';
import { rawTokens } from './words.js';

/** What the student's words say about the profile, plus what helps ask the rest. */
export interface ProfileReading {
  readonly profile: StudentProfile;
  /** A year named without a month ("next year"); the intake question then offers that year's intakes. */
  readonly intakeYear: number | null;
  /** An intake the words named that is in the past or more than 3 years ahead (left out of `profile`). */
  readonly intakeOutOfRange: string | null;
}

/**
 * Reads level, intake month, UK city and nationality out of the student's words, as of `today` (`YYYY-MM-DD`).
 * Pure. Each part is `null` when the words do not say it.
 */
export function readProfile(text: string, today: string): ProfileReading {
  const raw = rawTokens(text);
  const tokens = raw.map((token) => token.toLowerCase());
  const intake = readIntake(tokens, text, today);
  return {
    profile: {
      level: readLevel(raw),
      intake: intake.intake,
      city: readCity(tokens, raw),
      nationality: readNationality(tokens),
    },
    intakeYear: intake.year,
    intakeOutOfRange: intake.outOfRange,
  };
}

/** The explicit fields of a request (each optional; `null` means "not given"). */
export interface ProfileFields {
  readonly level?: string | null | undefined;
  readonly intake?: string | null | undefined;
  readonly city?: string | null | undefined;
  readonly nationality?: string | null | undefined;
}

/** A bad explicit field: its name and a sentence saying what is accepted. */
export interface ProfileFieldError {
  readonly ok: false;
  readonly field: keyof ProfileFields;
  readonly detail: string;
}

/** Explicit fields, checked and written the app's way. */
export interface CheckedProfileFields {
  readonly ok: true;
  readonly fields: Partial<StudentProfile>;
}

const INTAKE_FORMAT = /^\d{4}-(0[1-9]|1[0-2])$/u;

/** A field counts as given unless absent, `null`, or the questions' "Not sure" option. */
function given(value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value.trim().toLowerCase() !== 'not sure';
}

/**
 * Checks the explicit profile fields of a request as of `today`: the level and nationality from their lists, the
 * intake `YYYY-MM` from this month to 3 years ahead, the city a UK city (or "London" / "Outside London").
 */
export function checkProfileFields(fields: ProfileFields, today: string): CheckedProfileFields | ProfileFieldError {
  const out: { -readonly [K in keyof StudentProfile]?: StudentProfile[K] } = {};
  if (given(fields.level)) {
    if (!(STUDY_LEVELS as readonly string[]).includes(fields.level)) {
      return { ok: false, field: 'level', detail: `level must be one of ${STUDY_LEVELS.join(', ')}.` };
    }
    out.level = fields.level as StudyLevel;
  }
  if (given(fields.intake)) {
    if (!INTAKE_FORMAT.test(fields.intake)) {
      return {
        ok: false,
        field: 'intake',
        detail: 'intake must be the month the course starts, written YYYY-MM (for example 2027-09).',
      };
    }
    if (!intakeInRange(fields.intake, today)) {
      return {
        ok: false,
        field: 'intake',
        detail: `intake must be between ${today.slice(0, 7)} and ${lastIntakeMonth(today)}: not in the past and at most 3 years ahead.`,
      };
    }
    out.intake = fields.intake;
  }
  if (given(fields.city)) {
    const city = canonicalCity(fields.city);
    if (city === null) {
      return {
        ok: false,
        field: 'city',
        detail: 'city must be a UK city (for example London, Manchester or Edinburgh) or "Outside London".',
      };
    }
    out.city = city;
  }
  if (given(fields.nationality)) {
    const code = fields.nationality.toUpperCase();
    if (!(NATIONALITIES as readonly string[]).includes(code)) {
      return { ok: false, field: 'nationality', detail: `nationality must be one of ${NATIONALITIES.join(', ')}.` };
    }
    out.nationality = code as Nationality;
  }
  return { ok: true, fields: out };
}

/** The profile from the words, each explicit field winning over what the words say. */
export function mergeProfile(read: StudentProfile, explicit: Partial<StudentProfile>): StudentProfile {
  return {
    level: explicit.level ?? read.level,
    intake: explicit.intake ?? read.intake,
    city: explicit.city ?? read.city,
    nationality: explicit.nationality ?? read.nationality,
  };
}
