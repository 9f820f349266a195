import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const publicConfigSchema = z.object({
  environment: z.enum(['dev', 'test', 'production']),
  auth_provider: z.enum(['local', 'clerk']),
  clerk_publishable_key: z.string().nullable(),
  payments_enabled: z.boolean(),
  price_gbp: z.number(),
  country: z.literal('UK'),
  operator: z
    .object({
      name: z.string().describe('OPERATOR_NAME'),
      contact_email: z.string().nullable().describe('OPERATOR_CONTACT_EMAIL: password resets, erasure requests, questions'),
    })
    .describe('Who runs this service (additive to the contract)'),
  writer: z
    .enum(['gemini', 'knowledge_base'])
    .describe("Who writes reports: Google's Gemini (GEMINI_API_KEY set) or the built-in knowledge-base writer (additive)"),
});

/** `GET /config`: the web app's public runtime settings. No secret ever appears here. */
const configRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/config',
    { schema: { tags: ['app'], summary: 'Public runtime settings for the web app', response: { 200: publicConfigSchema } } },
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
