import { z } from 'zod';
import { QUESTION_MAX_LENGTH } from '../values.js';
import { citationSchema, generationMetadataSchema as metadataSchema } from './report.js';

/** The wire schemas of a report's follow-up questions (docs/follow-ups.md). */

/** `POST /reports/{report_id}/questions` body. */
export const askBodySchema = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(QUESTION_MAX_LENGTH)
    .describe(`The student’s question, 1–${QUESTION_MAX_LENGTH} characters ("Can my wife come with me?")`),
});

/** A question's lifecycle: `failed` ones may be asked again and do not count against the limit. */
export const questionStatusSchema = z.enum(['pending', 'answering', 'answered', 'failed']);

/** A follow-up question with its stored answer (null until answered). */
export const questionSchema = z
  .object({
    question_id: z.string().uuid(),
    report_id: z.string().uuid(),
    text: z.string(),
    status: questionStatusSchema,
    answer: z.string().nullable().describe('Markdown with [n] markers, each n an id in citations; null until answered'),
    citations: z
      .array(citationSchema)
      .nullable()
      .describe('relevant_excerpt is a verbatim quote of the source, or null'),
    generation_metadata: metadataSchema.nullable(),
    created_at: z.string(),
    answered_at: z.string().nullable(),
    error_message: z.string().nullable(),
  })
  .describe('Question');

/** `201 {"question"}` of `POST /reports/{report_id}/questions`. */
export const askResponseSchema = z.object({ question: questionSchema });

/** `GET /reports/{report_id}/questions`: every question of the report, in the order asked, with the limit. */
export const questionListSchema = z.object({
  questions: z.array(questionSchema),
  limit: z
    .number()
    .int()
    .describe('FOLLOW_UPS_PER_REPORT: questions the report may take in all (failed ones do not count)'),
  remaining: z.number().int().describe('Questions the report may still take'),
});

/** `{ report_id, question_id }` path parameters; an id that is not a UUID is answered 404, not 400. */
export const questionParamsSchema = z.object({ report_id: z.string().max(100), question_id: z.string().max(100) });

/** A follow-up question with its stored answer, as the API returns it. */
export type Question = z.infer<typeof questionSchema>;

/** A follow-up's life-cycle state. */
export type QuestionStatus = z.infer<typeof questionStatusSchema>;

/** `201 {"question"}` of `POST /reports/{report_id}/questions`. */
export type CreatedQuestion = z.infer<typeof askResponseSchema>;

/** `GET /reports/{report_id}/questions`. */
export type QuestionList = z.infer<typeof questionListSchema>;
