import { z } from 'zod';
import { isoDate, SourceSchema, text } from './schema.js';

/** A source of the occupation table or the subject map (`what_it_showed` says what was really read). */
export const TableSourceSchema = SourceSchema.extend({ what_it_showed: text.optional() });

/** A SOC 2020 unit group code: four digits. */
export const socCode = z.string().regex(/^\d{4}$/, 'Expected a 4-digit SOC 2020 code');

/** A whole number of pounds, or null where the table gives none. */
const gbp = z.number().nonnegative().nullable();

/** One row of the Skilled Worker occupation table (see the data README for each field). */
export const OccupationSchema = z.object({
  soc: socCode,
  title: text,
  rqf: z.union([z.literal(6), z.literal('3-5')]).nullable(),
  skill_level: text,
  eligible: z.enum(['yes', 'isl', 'tsl', 'no']),
  on_isl: z.boolean(),
  on_tsl: z.boolean(),
  isl: z.object({ areas: text.optional(), criteria: text.optional() }).loose().optional(),
  tsl: z.object({ criteria: text.optional() }).loose().optional(),
  list_end: isoDate.nullable(),
  isl_list_end: isoDate.optional(),
  tsl_list_end: isoDate.optional(),
  going_rate_gbp: gbp,
  going_rate_hourly_gbp: gbp,
  lower_going_rate_gbp: gbp,
  new_entrant_gbp: gbp,
  health_and_care: z.boolean(),
  example_titles: z.array(text).nullable(),
  cross_checked: z
    .object({
      gov_copies_agree: z.boolean(),
      third_party_agree: z.array(text),
      third_party_disagree: z.array(text),
    })
    .optional(),
  confidence: z.enum(['high', 'medium', 'low']),
  source_ids: z.array(text).min(1),
  note: text.nullable(),
});

/** A row of the Immigration Salary List or the Temporary Shortage List. */
const ListRowSchema = z.object({ soc: socCode, title: text, list_end: isoDate }).loose();

/** `uk-occupations.json`: every SOC 2020 code with its Skilled Worker status and rates. */
export const OccupationTableSchema = z.object({
  as_of: isoDate,
  rules_context: z
    .object({
      general_threshold_gbp: z.number().positive(),
      discounted_floor_gbp: z.number().positive(),
      source_ids: z.array(text),
    })
    .loose(),
  immigration_salary_list: z.array(ListRowSchema),
  temporary_shortage_list: z.array(ListRowSchema),
  lists_note: text.optional(),
  sources: z.array(TableSourceSchema).min(1),
  occupations: z.array(OccupationSchema).min(1),
});

/** A source of the occupation table or subject map. */
export type TableSource = z.infer<typeof TableSourceSchema>;
/** One SOC 2020 occupation. */
export type Occupation = z.infer<typeof OccupationSchema>;
/** The validated `uk-occupations.json`. */
export type OccupationTable = z.infer<typeof OccupationTableSchema>;
