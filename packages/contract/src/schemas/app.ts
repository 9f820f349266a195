import { z } from 'zod';
import { PAYMENT_STATUSES } from '../values.js';

/** `GET /config`: the web app's public runtime settings. No secret ever appears here. */
export const publicConfigSchema = z
  .object({
    environment: z.enum(['dev', 'test', 'production']),
    auth_provider: z.enum(['local', 'clerk']),
    clerk_publishable_key: z.string().nullable(),
    payments_enabled: z.boolean(),
    price_gbp: z.number(),
    country: z.literal('UK'),
    operator: z
      .object({
        name: z.string().describe('OPERATOR_NAME'),
        contact_email: z
          .string()
          .nullable()
          .describe('OPERATOR_CONTACT_EMAIL: password resets, erasure requests, questions'),
      })
      .describe('Who runs this service (additive to the contract)'),
    writer: z
      .enum(['gemini', 'knowledge_base'])
      .describe(
        "Who writes reports: Google's Gemini (GEMINI_API_KEY set) or the built-in knowledge-base writer (additive)",
      ),
  })
  .describe('PublicConfig');

/** Public runtime settings from `GET /config`; one build serves every mode. */
export type PublicConfig = z.infer<typeof publicConfigSchema>;

/** The signed-in account. */
export const userSchema = z.object({ user_id: z.uuid(), email: z.email() });

/** The signed-in account as `POST /auth/signup` and `POST /auth/login` return it. */
export type User = z.infer<typeof userSchema>;

/** `POST /auth/signup` (201) and `POST /auth/login` (200): a local session. */
export const signedInSchema = z.object({
  token: z
    .string()
    .describe('Bearer token for the API, valid for 15 minutes; the refresh cookie set beside it renews it'),
  user: userSchema,
});

/** A local session: the Bearer token and its account. */
export type AuthResult = z.infer<typeof signedInSchema>;

/** `GET /payments/{session_id}` (200): a payment's state, for the success page. */
export const paymentStatusSchema = z
  .object({
    status: z.enum(PAYMENT_STATUSES),
    report_id: z.string().nullable().describe('The paid report, once the payment succeeded'),
  })
  .describe('PaymentStatus');

/** A payment's state as `GET /payments/{session_id}` reports it. */
export type PaymentState = z.infer<typeof paymentStatusSchema>;

/** `POST /auth/refresh` (200): a new Bearer token, with the user when the refresh came from the cookie. */
export const refreshedSchema = z.object({
  token: z
    .string()
    .describe('A new Bearer token (15 minutes). With a Bearer header, the previous one is refused from now on'),
  user: userSchema
    .optional()
    .describe('The signed-in user; present when the refresh came from the cookie (a reload or a new tab)'),
});

/** What `POST /auth/refresh` answers. */
export type Refreshed = z.infer<typeof refreshedSchema>;
