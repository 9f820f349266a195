import { z } from 'zod';
import { NATIONALITIES, STUDY_LEVELS } from '../values.js';

/**
 * The optional profile fields of `POST /queries` and `POST /reports`. Their values are checked by the server's profile
 * module (range of the intake, UK city), so a bad one is a 400 naming the field; "Not sure" counts as not given.
 */
export const profileFieldsShape = {
  level: z
    .string()
    .max(40)
    .nullish()
    .describe(`One of ${STUDY_LEVELS.join(', ')}; read from the words when absent`),
  intake: z
    .string()
    .max(20)
    .nullish()
    .describe(
      'The month the course starts, YYYY-MM: not in the past, at most 3 years ahead; read from the words when absent',
    ),
  city: z
    .string()
    .max(100)
    .nullish()
    .describe('A UK city ("London", "Manchester") or "Outside London"; read from the words when absent'),
  nationality: z
    .string()
    .max(10)
    .nullish()
    .describe(`One of ${NATIONALITIES.join(', ')}; read from the words when absent`),
};

/** The optional profile fields as a request sends them (each may be absent or null). */
export type ProfileFields = z.input<z.ZodObject<typeof profileFieldsShape>>;

/** The contract's `Report.profile`: what the report was written for, each part `null` when unknown. */
export const profileSchema = z
  .object({
    level: z.enum(STUDY_LEVELS).nullable(),
    intake: z.string().nullable().describe('YYYY-MM'),
    city: z.string().nullable(),
    nationality: z.enum(NATIONALITIES).nullable(),
  })
  .describe('Profile');

/** What a report is written for (`Report.profile`); each part null when unknown. */
export type ReportProfile = z.infer<typeof profileSchema>;
