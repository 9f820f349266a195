import { formatMonth } from '../timeline/dates.js';
import { intakeInRange } from './intake.js';
import { OUTSIDE_LONDON } from './place.js';
import { STUDY_LEVELS, type StudentProfile } from './types.js';

/** The option that leaves a part of the profile unknown; the report then says what it assumed. */
export const NOT_SURE = 'Not sure';

/** A question still worth asking before the student pays: the profile field it fills and the options to offer. */
export interface ProfileQuestion {
  readonly field: 'intake' | 'level' | 'city';
  readonly prompt: string;
  readonly options: string[];
}

/** The UK's two main intakes. */
const INTAKE_MONTHS = [1, 9] as const;

/** The next `count` January and September intakes after the current month (within `year` when one is given). */
export function nextIntakes(today: string, count: number, year: number | null = null): string[] {
  const first = Number(today.slice(0, 4));
  const found: string[] = [];
  for (let y = year ?? first; y <= (year ?? first + 3) && found.length < count; y += 1) {
    for (const month of INTAKE_MONTHS) {
      const intake = `${y}-${String(month).padStart(2, '0')}`;
      if (intake > today.slice(0, 7) && intakeInRange(intake, today) && found.length < count) found.push(intake);
    }
  }
  return found;
}

/** What the question reading left out of range, said before the question. */
function intakePrompt(outOfRange: string | null): string {
  const lead = outOfRange ? `${formatMonth(outOfRange)} is in the past or more than 3 years ahead. ` : '';
  return `${lead}When does your course start? The visa, funds and Graduate visa dates all follow from it.`;
}

/**
 * The questions still worth asking, in the order the chat asks them:
 * - the intake, always when unknown (every date in the plan, and the Graduate visa length, depend on it), with the
 *   next three January/September intakes (or that year's, when the words named only a year);
 * - the level, when unknown (course length, fees, how to apply, whether dependants may come);
 * - the city, when unknown, as London or not: the money to show for the visa differs, and nothing else asked here
 *   depends on the exact city. Nationality is not asked: the five countries the app serves share every rule it uses.
 */
export function profileQuestions(
  profile: StudentProfile,
  today: string,
  hints: { readonly intakeYear?: number | null; readonly intakeOutOfRange?: string | null } = {},
): ProfileQuestion[] {
  const questions: ProfileQuestion[] = [];
  if (profile.intake === null) {
    const inYear = hints.intakeYear ? nextIntakes(today, 3, hints.intakeYear) : [];
    const options = inYear.length > 0 ? inYear : nextIntakes(today, 3);
    questions.push({
      field: 'intake',
      prompt: intakePrompt(hints.intakeOutOfRange ?? null),
      options: [...options, NOT_SURE],
    });
  }
  if (profile.level === null) {
    questions.push({
      field: 'level',
      prompt:
        'Which level will you study: undergraduate (a bachelor’s degree), postgraduate taught (a master’s such as an MSc or MBA) or postgraduate research (a PhD)?',
      options: [...STUDY_LEVELS, NOT_SURE],
    });
  }
  if (profile.city === null) {
    questions.push({
      field: 'city',
      prompt:
        'Will you study in London or elsewhere in the UK? The money you must show for the visa is higher in London.',
      options: ['London', OUTSIDE_LONDON, NOT_SURE],
    });
  }
  return questions;
}
