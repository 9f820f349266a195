import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '@uksmr/config';
import type { AppServices } from './services.js';
import { requestIdFor } from './request-id.js';
import { requestLogger } from './request-logger.js';
import { BAD_URL_ROUTE, MAX_SEGMENT_LENGTH, rewriteBadUrl } from './bad-url.js';
import { compiledSerializerCompiler } from './serializer.js';
import { rememberingValidatorCompiler } from './validator.js';
import helmet from './plugins/external/helmet.js';
import cors from './plugins/external/cors.js';
import rateLimit from './plugins/external/rate-limit.js';
import swagger from './plugins/external/swagger.js';
import compress from './plugins/external/compress.js';
import requestContext from './plugins/app/request-context.js';
import errorHandler from './plugins/app/error-handler.js';
import servicesPlugin from './plugins/app/services.js';
import metrics from './plugins/app/metrics.js';
import reportCache from './plugins/app/report-cache.js';
import auth from './plugins/app/auth.js';
import payments from './plugins/app/payments.js';
import generation from './plugins/app/generation.js';
import followUps from './plugins/app/follow-ups.js';
import scheduler from './plugins/app/scheduler.js';
import healthRoutes from './routes/health.js';
import metricsRoutes from './routes/metrics.js';
import configRoutes from './routes/config.js';
import authRoutes from './routes/auth.js';
import reportRoutes from './routes/reports.js';
import questionRoutes from './routes/questions.js';
import queryRoutes from './routes/queries.js';
import cronRoutes from './routes/cron.js';
import paymentRoutes from './routes/payments.js';
import webhookRoutes from './routes/webhooks.js';
import webApp from './routes/web-app.js';
import { ApiError } from './errors.js';

/** The Fastify instance with the Zod type provider, as routes see it. */
export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** Body limit of every route: 64 KB. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Server timeouts: the whole request (headers and body) must arrive within 30 s (slow-loris), an idle socket is
 * closed after 2 minutes (the event stream exempts itself), and idle keep-alive connections are kept 620 s, longer
 * than the 600 s Google's front end keeps them, so the proxy never reuses a connection the server is closing.
 */
export const SERVER_TIMEOUTS = {
  requestTimeout: 30_000,
  connectionTimeout: 120_000,
  keepAliveTimeout: 620_000,
} as const;

/**
 * Fastify's `trustProxy` for `TRUST_PROXY`: off by default, so X-Forwarded-For is ignored. A hop count becomes a
 * function, because Fastify 5.12 treats a bare number as "trust nothing" (it cannot check the peer); a list of
 * addresses/CIDRs is passed as it is.
 */
export function trustedProxies(
  setting: AppConfig['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting === false ? false : [...setting];
}

/**
 * Builds the HTTP app from a loaded config and its running services, without listening. Tests drive it
 * with `app.inject`; `main.ts` listens on `PORT`.
 */
export async function buildApp(config: AppConfig, services: AppServices): Promise<App> {
  // Typed as Fastify's base logger, so the app keeps one logger type whatever pino's own type is.
  const logger: FastifyBaseLogger = services.logger;
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    ...SERVER_TIMEOUTS,
    genReqId: requestIdFor,
    rewriteUrl: rewriteBadUrl,
    routerOptions: { maxParamLength: MAX_SEGMENT_LENGTH },
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: requestLogger,
    trustProxy: trustedProxies(config.trustProxy),
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(rememberingValidatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler);

  // App plugins that the external ones rely on (request id in logs, the error shape, services, who is calling).
  await app.register(requestContext);
  await app.register(errorHandler);
  await app.register(servicesPlugin, { config, services });
  await app.register(metrics);
  await app.register(reportCache);
  await app.register(auth);
  await app.register(payments);
  // Payments exist only with ENABLE_PAYMENTS on: checked here, once, and handed to what needs them.
  const paymentsApi = app.payments;
  await app.register(generation, { onFailed: paymentsApi ? paymentsApi.refundForReport : () => Promise.resolve() });
  await app.register(followUps);
  await app.register(scheduler);

  // External plugins. Compression first: it attaches itself to the routes registered after it (OpenAPI's too).
  await app.register(compress);
  await app.register(helmet, { config });
  await app.register(cors, { config });
  await app.register(rateLimit, { config, ...(services.redis ? { redis: services.redis } : {}) });
  await app.register(swagger, { config });

  // The web app's pages come first, so a browser navigation never meets an API route's authentication.
  await app.register(webApp, services.webRoot ? { root: services.webRoot } : {});

  // Routes by resource.
  await app.register(healthRoutes);
  await app.register(metricsRoutes);
  await app.register(configRoutes);
  await app.register(authRoutes);
  await app.register(reportRoutes, paymentsApi ? { payments: paymentsApi } : {});
  await app.register(questionRoutes);
  await app.register(queryRoutes);
  if (paymentsApi) {
    await app.register(paymentRoutes, { payments: paymentsApi });
    await app.register(webhookRoutes, { payments: paymentsApi });
  }
  await app.register(cronRoutes);
  // Addresses the router cannot take (see rewriteBadUrl) end here, in the contract's error shape.
  app.all(BAD_URL_ROUTE, { schema: { hide: true } }, (request) => {
    const tooLong = (request.query as { kind?: string }).kind === 'too-long';
    throw tooLong
      ? new ApiError(404, 'NOT_FOUND', 'Not found', 'There is nothing at this address.')
      : new ApiError(400, 'VALIDATION_ERROR', 'Invalid request', 'The address is not valid.');
  });
  return app;
}
