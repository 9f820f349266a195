/** The student's dates: a pure timeline computed from the intake, the level and dated rules from the facts. */
export { buildTimeline, graduateRuleOn } from './timeline.js';
export type { GraduateLength, Timeline, TimelineInput, TimelineStep, TimelineStepKey } from './timeline.js';
export { futureChanges, timelineRulesFromFacts, TIMELINE_FACT_IDS } from './rules.js';
export type { DatedChange, FactLike, GraduateLengthRule, TimelineRules } from './rules.js';
export { courseLength, isScottish } from './course.js';
export { addDays, addMonths, formatDate, formatMonth } from './dates.js';
export { nextSeptember, timelineForProfile } from './for-profile.js';
export type { ProfileTimeline } from './for-profile.js';
