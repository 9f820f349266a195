import { z } from 'zod';
import { STUDY_LEVELS } from '@uksmr/contract';
import type { OccupationTable } from './occupations-schema.js';
import type { SubjectMap } from './subject-map-schema.js';

/** An ISO calendar date (`YYYY-MM-DD`). */
export const isoDate = z.iso.date();

/** A non-empty, trimmed-looking piece of text. */
export const text = z.string().min(1);

/** An https address: the knowledge base cites no plain-http page. */
export const httpsUrl = z.url({ protocol: /^https$/, message: 'Expected an https URL' });

/** A `[min, max]` pair of whole pounds. */
const gbpRange = z.tuple([z.number().nonnegative(), z.number().nonnegative()]);

/** The topics a fact is filed under (see the data README). */
export const FACT_TOPICS = [
  'visa',
  'costs',
  'tuition',
  'post_study_work',
  'work_rights',
  'english',
  'dependants',
  'health_surcharge',
  'skilled_worker',
  'job_market',
  'fallback_jobs',
  'risks',
  'timeline',
] as const;

/** A public page the knowledge base cites. */
export const SourceSchema = z.strictObject({
  id: text,
  title: text,
  url: httpsUrl,
  publisher: text,
  accessed: isoDate,
  /** Whether the page's text was read when the facts were compiled. */
  text_checked: z.boolean(),
});

/** One plain-English fact with its sources, dates and confidence. */
export const FactSchema = z.strictObject({
  id: text,
  topic: z.enum(FACT_TOPICS),
  statement: text,
  value: text.optional(),
  effective_from: isoDate.optional(),
  /** The last day the rule applies, where it ends (the data may add it; `dated-rules.ts` knows the ends it lacks). */
  effective_until: isoDate.optional(),
  source_ids: z.array(text).min(1),
  confidence: z.enum(['high', 'medium', 'low']),
  note: text.optional(),
});

/** A job a graduate of the subject can aim for, with pay and whether it can be sponsored. */
export const InFieldRoleSchema = z.strictObject({
  title: text,
  soc_code: z
    .string()
    .regex(/^\d{4}$/, 'Expected a 4-digit SOC 2020 code')
    .optional(),
  typical_salary_gbp: gbpRange,
  skilled_worker_eligible: z.union([z.boolean(), z.literal('depends')]),
  notes: text.optional(),
});

/** A part-time or stop-gap job with its typical pay. */
export const FallbackRoleSchema = z.strictObject({
  title: text,
  typical_pay: text,
  notes: text.optional(),
});

/** The knowledge base's entry for one subject of study. */
export const SubjectEntrySchema = z.strictObject({
  id: text,
  name: text,
  aliases: z.array(text),
  typical_degrees: z.array(text).min(1),
  tuition_gbp_per_year_international: z.strictObject({
    ug: gbpRange.nullable(),
    pg_taught: gbpRange.nullable(),
  }),
  in_field_roles: z.array(InFieldRoleSchema),
  fallback_roles: z.array(FallbackRoleSchema),
  demand_notes: text,
  regulated_profession: text.optional(),
  source_ids: z.array(text).min(1),
});

/** `uk-facts.json`: its as-of date, sources, facts and subjects. */
export const FactsFileSchema = z.strictObject({
  as_of: isoDate,
  sources: z.array(SourceSchema).min(1),
  facts: z.array(FactSchema).min(1),
  subjects: z.array(SubjectEntrySchema).min(1),
});

/** `project-facts.json`: the project's additions, in the facts file's shape, with sources and facts only. */
/**
 * A course length the project sourced for a subject-map entry (the pre-registration MSc in physiotherapy lasts 2
 * years): the dates of a report on that subject at that level assume it. `fact_id` is the project fact that says so.
 */
export const CourseLengthSchema = z.strictObject({
  subject_id: text,
  level: z.enum(STUDY_LEVELS),
  degree: text,
  months: z.number().int().min(1).max(96),
  fact_id: text,
});

/**
 * A regulator's route to registration the project sourced for a subject-map entry whose map text is another
 * profession's (dental nursing carries the dentists' Overseas Registration Exam): `fact_id` is the project fact
 * that states the route for this subject, and it replaces the map's text.
 */
export const RegulatorRouteSchema = z.strictObject({
  subject_id: text,
  fact_id: text,
});

export const ProjectFactsFileSchema = z.strictObject({
  as_of: isoDate,
  sources: z.array(SourceSchema).min(1),
  facts: z.array(FactSchema).min(1),
  course_lengths: z.array(CourseLengthSchema).optional(),
  regulator_routes: z.array(RegulatorRouteSchema).optional(),
});

/** A course length from `project-facts.json`. */
export type CourseLengthRecord = z.infer<typeof CourseLengthSchema>;
/** A regulator route from `project-facts.json`. */
export type RegulatorRouteRecord = z.infer<typeof RegulatorRouteSchema>;

/** The validated `project-facts.json`. */
export type ProjectFactsFile = z.infer<typeof ProjectFactsFileSchema>;

/** A cited public page. */
export type Source = z.infer<typeof SourceSchema>;
/** A fact with its sources, effective date and confidence. */
export type Fact = z.infer<typeof FactSchema>;
/** A fact's topic. */
export type FactTopic = Fact['topic'];
/** A subject's in-field role. */
export type InFieldRole = z.infer<typeof InFieldRoleSchema>;
/** A subject's fallback role. */
export type FallbackRole = z.infer<typeof FallbackRoleSchema>;
/** A subject entry. */
export type SubjectEntry = z.infer<typeof SubjectEntrySchema>;
/** The validated `uk-facts.json`. */
export type FactsFile = z.infer<typeof FactsFileSchema>;

/**
 * The validated knowledge base: `uk-facts.json` (its sources, facts and 15 detailed subjects at the top level, as
 * before), with the Skilled Worker occupation table and the subject map beside it.
 */
export type KnowledgeBase = FactsFile & {
  readonly occupations: OccupationTable;
  readonly subjectMap: SubjectMap;
  /** The project's sourced course lengths by subject-map entry (none when there is no `project-facts.json`). */
  readonly courseLengths?: readonly CourseLengthRecord[];
  /** The project's sourced regulator routes by subject-map entry, replacing the map's text for that entry. */
  readonly regulatorRoutes?: readonly RegulatorRouteRecord[];
};
