import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paymentStatusSchema } from '@uksmr/contract';
import { errorResponses, notFound, noStore } from '../errors.js';
import type { PaymentsApi } from '../plugins/app/payments.js';

/** A Checkout Session id as Stripe makes them (`cs_test_…`, `cs_live_…`); anything else is answered 404 at once. */
const SESSION_ID = /^cs_\w{1,250}$/;

const paramsSchema = z.object({
  session_id: z.string().max(100).describe('The Checkout Session id from the success URL'),
});

/** Options of the payment routes: the payments of an app with ENABLE_PAYMENTS on. */
export interface PaymentRoutesOptions {
  readonly payments: PaymentsApi;
}

/**
 * `GET /payments/{session_id}` for the success page (owner only). Registered only when ENABLE_PAYMENTS is on;
 * otherwise the path is unknown (404 NOT_FOUND).
 */
const paymentRoutes: FastifyPluginCallbackZod<PaymentRoutesOptions> = (app, { payments }, done) => {
  app.addHook('onRequest', noStore);
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/payments/:session_id',
    {
      schema: {
        tags: ['payments'],
        operationId: 'getPayment',
        summary: 'The payment of a Checkout Session, for the success page (owner only)',
        description:
          'While the payment is pending, the server asks Stripe about the session and, when it is paid, creates the report at once (the webhook finds it done). 404 for anyone else’s session. Only when payments are enabled.',
        security: [{ bearerAuth: [] }],
        params: paramsSchema,
        response: { 200: paymentStatusSchema, ...errorResponses(401, 404, 429) },
      },
    },
    async (request) => {
      const sessionId = request.params.session_id;
      const payment = SESSION_ID.test(sessionId)
        ? await payments.statusForOwner(request.auth!.userId, sessionId)
        : null;
      if (!payment) throw notFound('This payment');
      return { status: payment.status, report_id: payment.reportId };
    },
  );
  done();
};

export default paymentRoutes;
