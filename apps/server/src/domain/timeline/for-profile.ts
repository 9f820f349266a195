import type { StudentProfile } from '../profile/types.js';
import type { CourseLength } from './course.js';
import { formatMonth } from './dates.js';
import { timelineRulesFromFacts, type FactLike } from './rules.js';
import { buildTimeline, type Timeline } from './timeline.js';

/** A timeline for a report's profile, with what had to be assumed because the student did not say. */
export interface ProfileTimeline {
  readonly timeline: Timeline;
  /** Plain sentences for the top of the report ("You did not give an intake: the dates assume September 2027."). */
  readonly assumed: readonly string[];
}

/** The next September whose first day is after `today`: what "Not sure" assumes. */
export function nextSeptember(today: string): string {
  const year = Number(today.slice(0, 4));
  return `${today.slice(5) >= '09-01' ? year + 1 : year}-09`;
}

/**
 * The timeline a report uses: the student's intake, or the next September when they were not sure; their level,
 * or a 12-month taught master's when not given; rules read from `facts` as of `today` (`YYYY-MM-DD`). `course` is
 * the subject's own course at that level where the knowledge base records its length (a 2-year pre-registration MSc).
 */
export function timelineForProfile(
  profile: StudentProfile,
  today: string,
  facts: readonly FactLike[],
  course: CourseLength | null = null,
): ProfileTimeline {
  const assumed: string[] = [];
  const intake = profile.intake ?? nextSeptember(today);
  if (profile.intake === null) {
    assumed.push(`You did not give an intake: the dates assume the course starts in ${formatMonth(intake)}.`);
  }
  const level = profile.level ?? 'postgraduate_taught';
  if (profile.level === null) {
    assumed.push(
      course
        ? `You did not give a level: the dates assume a taught master’s (${course.note}; see Study Options).`
        : 'You did not give a level: the dates assume a 12-month taught master’s.',
    );
  }
  const timeline = buildTimeline({
    today,
    intake,
    level,
    city: profile.city,
    rules: timelineRulesFromFacts(facts, today),
    course,
  });
  return { timeline, assumed };
}
