import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { queryBodySchema, queryReadingSchema } from '@uksmr/contract';
import { describeCoverage } from '../domain/knowledge-base/subject-map.js';
import { profileQuestions } from '../domain/profile/index.js';
import { errorResponses } from '../errors.js';
import { isoDay, readStudentRequest } from './read-request.js';

/**
 * `POST /queries`: what a report on these words would be about, how deep the knowledge base goes, and what is
 * still worth asking. Signed in, free, stores nothing; rate limited like every route.
 */
const queryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/queries',
    {
      schema: {
        tags: ['reports'],
        operationId: 'readQuery',
        summary: 'Read the student’s words before a report: subject, profile, coverage and the questions left',
        description:
          'Free; stores nothing. The same refusals as POST /reports (422 UK_ONLY, MULTIPLE_SUBJECTS, MULTIPLE_COUNTRIES, NOT_A_SUBJECT; 400 VALIDATION_ERROR naming the field). Explicit level, intake, city and nationality win over the words.',
        security: [{ bearerAuth: [] }],
        body: queryBodySchema,
        response: { 200: queryReadingSchema, ...errorResponses(400, 401, 413, 422, 429) },
      },
    },
    async (request) => {
      const today = isoDay(app.now());
      const { subject, subjectId, matchedVia, profile, reading } = readStudentRequest(request.body, today);
      const coverage = describeCoverage(app.knowledgeBase, subjectId, matchedVia, subject);
      return {
        subject,
        subject_id: subjectId,
        ...profile,
        coverage: coverage.level,
        coverage_note: coverage.note,
        questions: profileQuestions(profile, today, reading),
      };
    },
  );
};

export default queryRoutes;
