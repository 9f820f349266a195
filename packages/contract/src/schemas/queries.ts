import { z } from 'zod';
import { COVERAGE_LEVELS, QUESTION_FIELDS, SUBJECT_MAX_LENGTH } from '../values.js';
import { profileFieldsShape, profileSchema } from './profile.js';

/** `POST /queries`: the student's words and the optional profile fields. */
export const queryBodySchema = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(SUBJECT_MAX_LENGTH)
    .describe(
      `The student’s words, 1–${SUBJECT_MAX_LENGTH} characters ("MSc Data Science in London from September 2027")`,
    ),
  country: z.string().max(100).optional().describe('Only "UK" is supported'),
  ...profileFieldsShape,
});

/** The body of `POST /queries`. */
export type QueryBody = z.input<typeof queryBodySchema>;

/** A question still worth asking before the student pays. */
export const queryQuestionSchema = z
  .object({
    field: z.enum(QUESTION_FIELDS).describe('The POST /reports field the answer fills'),
    prompt: z.string().describe('The question, in plain words'),
    options: z.array(z.string()).describe('Values to offer as chips; "Not sure" leaves the field unknown'),
  })
  .describe('Question');

/** A question still worth asking (`POST /queries` → `questions[]`). */
export type QueryQuestion = z.infer<typeof queryQuestionSchema>;

/** `POST /queries` (200): what a report on these words would be about, and what is still worth asking. */
export const queryReadingSchema = z
  .object({
    subject: z.string(),
    subject_id: z.string().nullable(),
    ...profileSchema.shape,
    coverage: z.enum(COVERAGE_LEVELS),
    coverage_note: z.string().describe('What the report will and will not hold for this subject, in plain words'),
    questions: z
      .array(queryQuestionSchema)
      .describe('What is still worth asking: the intake, the level, London or not'),
  })
  .describe('QueryReading');

/** What `POST /queries` answers. */
export type QueryReading = z.infer<typeof queryReadingSchema>;
