import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicConfigSchema } from '@uksmr/contract';

/** `GET /config`: the web app's public runtime settings. No secret ever appears here. */
const configRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/config',
    {
      schema: {
        tags: ['app'],
        operationId: 'getConfig',
        summary: 'Public runtime settings for the web app',
        security: [],
        response: { 200: publicConfigSchema },
      },
    },
    () => ({
      environment: app.config.environmentMode,
      auth_provider: app.config.authProvider,
      clerk_publishable_key: app.config.authProvider === 'clerk' ? (app.config.clerkPublishableKey ?? null) : null,
      payments_enabled: app.services.flags.isEnabled('ENABLE_PAYMENTS'),
      price_gbp: app.config.reportPriceGbp,
      country: 'UK' as const,
      operator: { name: app.config.operatorName, contact_email: app.config.operatorContactEmail ?? null },
      writer: app.config.geminiApiKey ? ('gemini' as const) : ('knowledge_base' as const),
    }),
  );
};

export default configRoutes;
