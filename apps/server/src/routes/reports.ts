import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkoutSchema,
  createdReportSchema,
  createReportBodySchema,
  reportListQuerySchema,
  reportListSchema,
  reportParamsSchema,
  reportSchema,
} from '@uksmr/contract';
import { createRepositories, withinDailyCap } from '@uksmr/database';
import { followReport } from '../domain/generation/follow.js';
import { plainText } from '../domain/report/output-safety.js';
import { toReportDto } from '../domain/reports/report-dto.js';
import { ApiError, errorBodySchema, errorResponses, notFound, noStore } from '../errors.js';
import type { PaymentsApi } from '../plugins/app/payments.js';
import { isoDay, readStudentRequest } from './read-request.js';
import { lightListJson, reportJson, reportListJson, sendJsonText } from './report-json.js';
import { sendEventStream } from './sse.js';

const security = [{ bearerAuth: [] }];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of the report routes: the payments, present only when ENABLE_PAYMENTS is on. */
export interface ReportRoutesOptions {
  readonly payments?: PaymentsApi;
}

/** Reports: create (payments off), list, get, delete (soft), and the live stream. Owner only, always. */
const reportRoutes: FastifyPluginAsyncZod<ReportRoutesOptions> = async (app, { payments }) => {
  app.addHook('onRequest', noStore);
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/reports',
    {
      schema: {
        tags: ['reports'],
        operationId: 'createReport',
        summary: 'Ask for a report on one subject in the UK',
        description:
          'Payments off: creates the report and starts generating it (201). Payments on: answers a Stripe Checkout Session (200); nothing is stored until Stripe confirms payment. The optional level, intake, city and nationality (also read from the words; an explicit field wins) are stored and returned as the Report’s profile; a bad one is 400 VALIDATION_ERROR naming the field.',
        security,
        body: createReportBodySchema,
        response: {
          201: createdReportSchema,
          200: checkoutSchema,
          ...errorResponses(400, 401, 413, 429, 500, 502),
          422: errorBodySchema.describe(
            'The words cannot be researched as asked: `UK_ONLY` (another destination), `MULTIPLE_COUNTRIES`, `MULTIPLE_SUBJECTS`, or `NOT_A_SUBJECT` (no subject of study: gibberish, a greeting, an instruction, markup, a bare number; the detail says how to ask). Nothing is stored or charged.',
          ),
        },
      },
    },
    async (request, reply) => {
      const userId = request.auth!.userId;
      const { subject: text, ...fields } = request.body;
      const read = readStudentRequest({ text, ...fields }, isoDay(app.now()));
      // Stored (and shown, and given to the writer) as plain text: Markdown and HTML in it are neutralised.
      const subject = plainText(read.subject);
      if (subject === '')
        throw new ApiError(400, 'VALIDATION_ERROR', 'Invalid request', 'body.subject: name a subject in plain words.');
      const order = { userId, subject, subjectId: read.subjectId, profile: read.profile };
      // Count and create in one step (the user's row locked), open checkouts counted: concurrent requests cannot pass the cap.
      const cap = { userId, since: new Date(app.now().getTime() - DAY_MS), max: app.config.reportsPerUserPerDay };
      const started = await withinDailyCap(app.services.database, cap, async (tx) =>
        payments
          ? {
              kind: 'checkout' as const,
              checkout: await payments.createCheckout(order, createRepositories(tx).payments),
            }
          : { kind: 'report' as const, report: await createRepositories(tx).reports.create(order) },
      );
      if (!started) {
        throw new ApiError(
          429,
          'DAILY_LIMIT_REACHED',
          'Daily limit reached',
          `You can start ${app.config.reportsPerUserPerDay} reports in 24 hours. Please try again tomorrow.`,
          { 'Retry-After': String(60 * 60) },
        );
      }
      if (started.kind === 'checkout') return reply.code(200).send(started.checkout);
      const { report } = started;
      app.reportCache.changed({ userId, reportId: report.reportId });
      request.log.info({ report_id: report.reportId, subject: report.subject }, 'report created');
      app.generation.start(report.reportId);
      return reply.code(201).send({ report: toReportDto(report) });
    },
  );

  app.get(
    '/reports',
    {
      schema: {
        tags: ['reports'],
        operationId: 'listReports',
        summary: 'The caller’s reports, newest first (soft-deleted ones left out)',
        security,
        querystring: reportListQuerySchema,
        response: {
          200: reportListSchema,
          ...errorResponses(400, 401, 429),
        },
      },
    },
    async (request, reply) => {
      const { limit, offset, status, view } = request.query;
      const userId = request.auth!.userId;
      const full = view === 'full';
      const query = `${limit}/${offset}/${status ?? ''}/${full ? 'full' : 'light'}`;
      const kept = app.reportCache.list(userId, query);
      if (kept) return sendJsonText(reply, kept);
      const ticket = app.reportCache.ticket();
      const page = await app.repos.reports.listForOwner(userId, {
        limit,
        offset,
        status,
        withContent: full,
        jsonAsText: full,
      });
      const counts = { total: page.total, limit, offset };
      const body = Buffer.from(full ? reportListJson(page.reports, counts) : lightListJson(page.reports, counts));
      app.reportCache.keepList(ticket, userId, query, body);
      return sendJsonText(reply, body);
    },
  );

  app.get(
    '/reports/:report_id',
    {
      schema: {
        tags: ['reports'],
        operationId: 'getReport',
        summary: 'One report (owner only); never starts a generation',
        security,
        params: reportParamsSchema,
        response: { 200: reportSchema, ...errorResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const userId = request.auth!.userId;
      const { report_id: reportId } = request.params;
      const kept = app.reportCache.report(userId, reportId);
      if (kept) return sendJsonText(reply, kept);
      const ticket = app.reportCache.ticket();
      const report = await app.repos.reports.getForOwner(userId, reportId, { jsonAsText: true });
      if (!report) throw notFound('This report');
      const body = Buffer.from(reportJson(report));
      // A completed report never changes again; it can only be deleted, expired or erased, which the cache hears of.
      if (report.status === 'completed') app.reportCache.keepReport(ticket, userId, reportId, body);
      return sendJsonText(reply, body);
    },
  );

  app.delete(
    '/reports/:report_id',
    {
      schema: {
        tags: ['reports'],
        operationId: 'deleteReport',
        summary: 'Delete a report (soft; erased 60 days later)',
        security,
        params: reportParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { report_id: reportId } = request.params;
      const deleted = await app.repos.reports.softDeleteForOwner(request.auth!.userId, reportId);
      if (!deleted) throw notFound('This report');
      app.reportCache.changed({ userId: request.auth!.userId, reportId });
      request.log.info({ report_id: reportId }, 'report deleted');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/reports/:report_id/stream',
    {
      schema: {
        tags: ['reports'],
        operationId: 'streamReport',
        summary: 'Follow a report as text/event-stream: status, section, delta, complete | error',
        description:
          'A completed report is replayed from storage with no AI call. Several readers may follow one report; a reader that disconnects does not stop the generation.',
        security,
        params: reportParamsSchema,
        response: {
          200: z.string().describe('text/event-stream; each event’s data is one JSON object'),
          ...errorResponses(401, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const report = await ownReport(request.auth!.userId, request.params.report_id);
      request.log.info({ report_id: report.reportId, status: report.status }, 'report reader attached');
      const controller = new AbortController();
      const events = followReport({ repos: app.repos, hub: app.reportHub, report, signal: controller.signal });
      await sendEventStream(reply, events, controller);
      request.log.info(
        { report_id: report.reportId, status: report.status, duration_ms: Math.round(reply.elapsedTime) },
        'report streamed',
      );
    },
  );

  /** The caller's own live report, or 404 (another user's, soft-deleted, or not a UUID). */
  async function ownReport(userId: string, reportId: string) {
    // The repository answers null for an id that is not a UUID, without asking the database.
    const report = await app.repos.reports.getForOwner(userId, reportId);
    if (!report) throw notFound('This report');
    return report;
  }
};

export default reportRoutes;
