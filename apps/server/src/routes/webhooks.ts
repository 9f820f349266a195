import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WebhookPayloadError, WebhookSignatureError } from '../domain/payments/errors.js';
import { ApiError, errorResponses } from '../errors.js';
import type { PaymentRoutesOptions } from './payments.js';

/** Body limit of the webhook: Stripe's events can be larger than the API's 64 KB. */
export const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * `POST /webhooks/stripe`: no auth (the signature is the proof), not rate limited. Registered only when
 * ENABLE_PAYMENTS is on; otherwise the path is unknown (404 NOT_FOUND). The plugin is encapsulated: its own
 * `application/json` parser keeps the raw bytes, which the signature is computed over.
 */
const webhookRoutes: FastifyPluginCallbackZod<PaymentRoutesOptions> = (app, { payments }, done) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/webhooks/stripe',
    {
      bodyLimit: WEBHOOK_BODY_LIMIT_BYTES,
      config: { rateLimit: false },
      schema: {
        tags: ['webhooks'],
        operationId: 'receiveStripeWebhook',
        summary: 'Stripe’s webhook (signed with STRIPE_WEBHOOK_SECRET)',
        security: [],
        description:
          'Verifies `Stripe-Signature` over the raw body (300 s tolerance). Handles checkout.session.completed / async_payment_succeeded (paid: creates exactly one report per session), async_payment_failed / expired (payment failed) and charge.refunded; other types answer 200 and change nothing. A 500 makes Stripe deliver again. Only when payments are enabled.',
        response: { 200: z.object({ received: z.literal(true) }), ...errorResponses(400, 413, 415, 500) },
      },
    },
    async (request) => {
      const signature = request.headers['stripe-signature'];
      try {
        await payments.handleWebhook(
          Buffer.isBuffer(request.body) ? request.body : undefined,
          typeof signature === 'string' ? signature : undefined,
        );
      } catch (error) {
        if (error instanceof WebhookSignatureError) {
          request.log.warn(
            { event: 'webhook.signature_rejected', reason: error.message },
            'stripe webhook refused: signature',
          );
          throw new ApiError(
            400,
            'INVALID_SIGNATURE',
            'Invalid signature',
            'The Stripe-Signature header is missing, malformed, too old, or does not match this body.',
          );
        }
        if (error instanceof WebhookPayloadError)
          throw new ApiError(400, 'VALIDATION_ERROR', 'Invalid request', error.message);
        throw error;
      }
      return { received: true as const };
    },
  );
  done();
};

export default webhookRoutes;
