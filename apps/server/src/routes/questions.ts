import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { askWithinLimit } from '@uksmr/database';
import { followQuestion } from '../domain/follow-ups/follow-question.js';
import { toQuestionDto } from '../domain/follow-ups/question-dto.js';
import { screenQuestion } from '../domain/follow-ups/question-rules.js';
import { plainText } from '../domain/report/output-safety.js';
import { ApiError, errorBodySchema, errorResponses, notFound, noStore } from '../errors.js';
import {
  askBodySchema,
  askResponseSchema,
  QUESTION_MAX_LENGTH,
  questionListSchema,
  questionParamsSchema,
  reportParamsSchema,
} from '@uksmr/contract';
import { sendEventStream } from './sse.js';

const security = [{ bearerAuth: [] }];
const tags = ['questions'];

/** Follow-up questions on a completed report: ask, list, and follow an answer. Owner only, always. */
const questionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', noStore);
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/reports/:report_id/questions',
    {
      schema: {
        operationId: 'askQuestion',
        tags,
        summary: 'Ask a follow-up question about a completed report',
        description: `Stores the question and starts answering it from the knowledge base (follow the answer with the question's stream). Included in the report's price, up to FOLLOW_UPS_PER_REPORT questions (${app.config.followUpsPerReport} here); a failed answer does not count. A refused question (422) is neither stored nor counted.`,
        security,
        params: reportParamsSchema,
        body: askBodySchema,
        response: {
          201: askResponseSchema,
          ...errorResponses(400, 401, 404, 413, 415, 500),
          409: errorBodySchema.describe(
            '`REPORT_NOT_COMPLETED`: the report is not completed yet (or failed): there is nothing to ask about.',
          ),
          422: errorBodySchema.describe(
            '`UK_ONLY` (the question asks about another destination; the detail is the contract’s UK-only sentence) or `OFF_TOPIC` (not about studying or working in the UK). Nothing is stored or counted.',
          ),
          429: errorBodySchema.describe(
            '`FOLLOW_UP_LIMIT_REACHED`: the report has taken its FOLLOW_UPS_PER_REPORT questions; or `RATE_LIMITED`.',
          ),
        },
      },
    },
    async (request, reply) => {
      const userId = request.auth!.userId;
      const { report_id: reportId } = request.params;
      const text = plainText(request.body.text.trim());
      if (text === '' || [...text].length > QUESTION_MAX_LENGTH) {
        throw new ApiError(
          400,
          'VALIDATION_ERROR',
          'Invalid request',
          `body.text: ask a question of 1–${QUESTION_MAX_LENGTH} characters.`,
        );
      }
      const report = await app.repos.reports.getForOwner(userId, reportId);
      if (!report) throw notFound('This report');
      if (report.status !== 'completed') throw notCompleted();
      const screening = screenQuestion(text);
      if (!screening.ok) throw new ApiError(422, screening.code, 'Question not supported', screening.detail);
      const max = app.config.followUpsPerReport;
      const outcome = await askWithinLimit(app.services.database, { userId, reportId, text, max });
      switch (outcome.kind) {
        case 'not-found':
          throw notFound('This report');
        case 'not-completed':
          throw notCompleted();
        case 'limit-reached':
          throw new ApiError(
            429,
            'FOLLOW_UP_LIMIT_REACHED',
            'Follow-up limit reached',
            `This report has had its ${max} follow-up questions. Start a new report to ask more.`,
          );
        case 'asked':
          request.log.info({ report_id: reportId, question_id: outcome.question.questionId }, 'follow-up asked');
          app.answers.start(outcome.question.questionId);
          return reply.code(201).send({ question: toQuestionDto(outcome.question) });
      }
    },
  );

  app.get(
    '/reports/:report_id/questions',
    {
      schema: {
        operationId: 'listQuestions',
        tags,
        summary: 'A report’s follow-up questions, in the order asked, with their stored answers and citations',
        description: 'Reads storage only: never calls the AI.',
        security,
        params: reportParamsSchema,
        response: { 200: questionListSchema, ...errorResponses(401, 404, 429) },
      },
    },
    async (request) => {
      const userId = request.auth!.userId;
      const { report_id: reportId } = request.params;
      const report = await app.repos.reports.getForOwner(userId, reportId);
      if (!report) throw notFound('This report');
      const questions = await app.repos.questions.listForOwner(userId, reportId);
      const limit = app.config.followUpsPerReport;
      const counted = questions.filter((q) => q.status !== 'failed').length;
      return { questions: questions.map(toQuestionDto), limit, remaining: Math.max(0, limit - counted) };
    },
  );

  app.get(
    '/reports/:report_id/questions/:question_id/stream',
    {
      schema: {
        operationId: 'streamQuestionAnswer',
        tags,
        summary: 'Follow an answer as text/event-stream: status, delta, complete | error',
        description:
          'The same event kinds as a report stream, without sections: `status` {"status"} at once, `delta` {"text"} as the answer grows, `complete` {"question"} with the stored answer and its citations, or `error` {"code","detail"}. An answered question is replayed from storage with no AI call.',
        security,
        params: questionParamsSchema,
        response: {
          200: z.string().describe('text/event-stream; each event’s data is one JSON object'),
          ...errorResponses(401, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const { report_id: reportId, question_id: questionId } = request.params;
      const question = await app.repos.questions.getForOwner(request.auth!.userId, reportId, questionId);
      if (!question) throw notFound('This question');
      const controller = new AbortController();
      const events = followQuestion({ repos: app.repos, hub: app.reportHub, question, signal: controller.signal });
      await sendEventStream(reply, events, controller);
      request.log.info(
        { report_id: reportId, question_id: questionId, duration_ms: Math.round(reply.elapsedTime) },
        'answer streamed',
      );
    },
  );
};

function notCompleted(): ApiError {
  return new ApiError(
    409,
    'REPORT_NOT_COMPLETED',
    'Report not completed',
    'Follow-up questions can be asked once the report is completed.',
  );
}

export default questionRoutes;
