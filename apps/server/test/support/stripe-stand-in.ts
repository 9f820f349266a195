/**
 * A local stand-in for the parts of Stripe's REST API the server calls, speaking the wire protocol of the
 * official SDK: form-encoded bodies (`line_items[0][price_data][unit_amount]=299`), `Authorization: Bearer
 * <secret key>`, JSON answers, errors as `{"error":{"type","code","message"}}`, and `Idempotency-Key` honoured
 * as Stripe documents it (the first response to a key is saved, a 500 included, and replayed to a repeat; the
 * same key with other parameters is an `idempotency_error`).
 *
 * - `POST /v1/checkout/sessions`, `GET /v1/checkout/sessions/:id`, `POST /v1/refunds`.
 * - The customer's side is scripted: `pay`, `payLater`/`settle` (asynchronous methods), `expire`.
 * - Webhook events are built from the stored objects and signed with the real scheme
 *   (`Stripe.webhooks.generateTestHeaderString`), then delivered to an app with `deliver`.
 * - Failures are scripted per operation with `fail`; `afterEffect` makes a call take effect and still answer
 *   the error (a 500 after the refund was made).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/app.js';

/** The secret key the stand-in accepts (`STRIPE_SECRET_KEY`). */
export const STAND_IN_SECRET_KEY = 'sk_test_stand_in_0123456789';
/** The webhook signing secret events are signed with (`STRIPE_WEBHOOK_SECRET`). */
export const STAND_IN_WEBHOOK_SECRET = 'whsec_stand_in_0123456789abcdef';

/** The API calls the stand-in answers. */
export type StripeOperation = 'create_session' | 'retrieve_session' | 'create_refund';

/** A scripted error answer of one call. */
export interface ScriptedFailure {
  readonly status: number;
  /** Stripe's error type; default `api_error`. */
  readonly type?: string;
  readonly code?: string;
  readonly message?: string;
  /** The call takes effect (a refund is made) before the error is answered. */
  readonly afterEffect?: boolean;
}

/** A request as the stand-in received it. */
export interface RecordedStripeRequest {
  readonly operation: StripeOperation | null;
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | null;
  /** The decoded form body (nested objects and arrays, values as strings). */
  readonly params: Record<string, unknown>;
  /** The status answered. */
  status: number;
  /** Whether the answer was a saved one replayed for a repeated idempotency key. */
  replayed: boolean;
}

/** A Checkout Session as the stand-in keeps it (the fields Stripe sends that the server may read). */
export interface StandInSession {
  readonly id: string;
  readonly object: 'checkout.session';
  readonly mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  payment_intent: string | null;
  readonly amount_total: number;
  readonly currency: string;
  readonly client_reference_id: string | null;
  readonly metadata: Record<string, string>;
  readonly success_url: string;
  readonly cancel_url: string;
  readonly url: string;
  readonly created: number;
  readonly expires_at: number;
  readonly livemode: false;
}

/** A refund made at the stand-in. */
export interface StandInRefund {
  readonly id: string;
  readonly object: 'refund';
  readonly amount: number;
  readonly currency: string;
  readonly payment_intent: string;
  readonly status: 'succeeded';
  readonly metadata: Record<string, string>;
  readonly created: number;
}

/** A Stripe event, serialised as Stripe sends it. */
export interface StandInEvent {
  readonly id: string;
  readonly type: string;
  /** The exact body to sign and send. */
  readonly payload: string;
}

/** How `deliver` signs an event. */
export interface DeliveryOptions {
  /** Default: the stand-in's webhook secret. */
  readonly secret?: string;
  /** Unix seconds; default now. */
  readonly timestamp?: number;
  /** The whole `Stripe-Signature` header instead of a computed one; `null` sends none. */
  readonly header?: string | null;
  /** The body sent instead of the signed payload (a body changed after signing). */
  readonly body?: string;
}

/** A running stand-in. */
export interface StripeStandIn {
  /** `http://127.0.0.1:<port>` (`STRIPE_API_BASE`). */
  readonly baseUrl: string;
  readonly requests: RecordedStripeRequest[];
  readonly sessions: Map<string, StandInSession>;
  readonly refunds: StandInRefund[];
  /** The variables that point a test app at the stand-in with payments on. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Queues error answers for the next calls of `operation`, in order. */
  fail(operation: StripeOperation, failures: ScriptedFailure | readonly ScriptedFailure[]): void;
  /** The customer pays by card: the session completes, paid, with a new PaymentIntent. */
  pay(sessionId: string): StandInSession;
  /** The customer pays by an asynchronous method: the session completes unpaid, its PaymentIntent processing. */
  payLater(sessionId: string): StandInSession;
  /** The asynchronous payment of a completed session arrives. */
  settle(sessionId: string): StandInSession;
  /** The session expires unpaid. */
  expire(sessionId: string): StandInSession;
  /** An event whose object is the session as stored now. */
  sessionEvent(type: string, sessionId: string): StandInEvent;
  /** A `charge.refunded` event for the charge of a PaymentIntent (`refunded: false` for a partial refund). */
  chargeRefundedEvent(paymentIntentId: string, refunded?: boolean): StandInEvent;
  /** Any event around any object. */
  event(type: string, object: Record<string, unknown>): StandInEvent;
  /** The `Stripe-Signature` header of `payload`, computed with Stripe's scheme. */
  sign(payload: string, options?: { secret?: string; timestamp?: number }): string;
  /** Sends a signed event to `app`'s webhook as Stripe does. */
  deliver(app: App, event: StandInEvent, options?: DeliveryOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A random id with Stripe's prefix. */
function stripeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/** Nested objects whose keys are all indices become arrays (`line_items[0]` → `line_items: [...]`). */
function withArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withArrays(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}

/** Decodes a form body as Stripe's SDK encodes it: `a[b][0][c]=v`. */
export function decodeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let node = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return withArrays(root) as Record<string, unknown>;
}

/** An answer: status, JSON body, and whether the SDK may retry it. */
interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Stripe's error body. */
function stripeError(status: number, type: string, message: string, code?: string): Answer {
  return { status, body: { error: { type, message, ...(code ? { code } : {}) } } };
}

/** Reads a request body as text. */
async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/** A form value as text ('' when absent or nested). */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Unix seconds now. */
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Starts a stand-in on a free loopback port. */
export async function startStripeStandIn(): Promise<StripeStandIn> {
  const requests: RecordedStripeRequest[] = [];
  const sessions = new Map<string, StandInSession>();
  const refunds: StandInRefund[] = [];
  const failures = new Map<StripeOperation, ScriptedFailure[]>();
  const saved = new Map<string, { params: string; answer: Answer }>();
  const refundedIntents = new Set<string>();

  const retrieveSession = (id: string): Answer => {
    const found = sessions.get(id);
    return found
      ? { status: 200, body: found }
      : stripeError(404, 'invalid_request_error', `No such checkout.session: '${id}'`, 'resource_missing');
  };

  const createSession = (params: Record<string, unknown>): Answer => {
    const items = (params.line_items ?? []) as {
      quantity?: string;
      price_data?: { currency?: string; unit_amount?: string };
    }[];
    const first = items[0];
    if (!first?.price_data?.unit_amount || !params.success_url) {
      return stripeError(400, 'invalid_request_error', 'Missing required param: line_items.', 'parameter_missing');
    }
    const id = stripeId('cs_test');
    const session: StandInSession = {
      id,
      object: 'checkout.session',
      mode: text(params.mode),
      status: 'open',
      payment_status: 'unpaid',
      payment_intent: null,
      amount_total: Number(first.price_data.unit_amount) * Number(first.quantity ?? 1),
      currency: text(first.price_data.currency),
      client_reference_id: text(params.client_reference_id) || null,
      metadata: (params.metadata ?? {}) as Record<string, string>,
      success_url: text(params.success_url),
      cancel_url: text(params.cancel_url),
      url: `https://checkout.stripe.com/c/pay/${id}`,
      created: nowSeconds(),
      expires_at: nowSeconds() + 24 * 60 * 60,
      livemode: false,
    };
    sessions.set(id, session);
    return { status: 200, body: session };
  };

  const createRefund = (params: Record<string, unknown>): Answer => {
    const paymentIntent = text(params.payment_intent);
    const session = [...sessions.values()].find(
      (s) => s.payment_intent === paymentIntent && s.payment_status === 'paid',
    );
    if (!session)
      return stripeError(
        400,
        'invalid_request_error',
        `No such payment_intent: '${paymentIntent}'`,
        'resource_missing',
      );
    if (refundedIntents.has(paymentIntent)) {
      return stripeError(
        400,
        'invalid_request_error',
        `Charge for ${paymentIntent} has already been refunded.`,
        'charge_already_refunded',
      );
    }
    refundedIntents.add(paymentIntent);
    const refund: StandInRefund = {
      id: stripeId('re'),
      object: 'refund',
      amount: session.amount_total,
      currency: session.currency,
      payment_intent: paymentIntent,
      status: 'succeeded',
      metadata: (params.metadata ?? {}) as Record<string, string>,
      created: nowSeconds(),
    };
    refunds.push(refund);
    return { status: 200, body: refund };
  };

  /** Which operation a request is, and the session id of a retrieve. */
  const route = (method: string, path: string): { operation: StripeOperation; id?: string } | null => {
    if (method === 'POST' && path === '/v1/checkout/sessions') return { operation: 'create_session' };
    if (method === 'POST' && path === '/v1/refunds') return { operation: 'create_refund' };
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === 'GET' && retrieve) return { operation: 'retrieve_session', id: decodeURIComponent(retrieve[1]) };
    return null;
  };

  const execute = (operation: StripeOperation, params: Record<string, unknown>, id: string | undefined): Answer => {
    const failure = failures.get(operation)?.shift();
    if (failure && !failure.afterEffect)
      return stripeError(
        failure.status,
        failure.type ?? 'api_error',
        failure.message ?? 'Stand-in failure',
        failure.code,
      );
    const answer =
      operation === 'create_session'
        ? createSession(params)
        : operation === 'create_refund'
          ? createRefund(params)
          : retrieveSession(id!);
    if (failure)
      return stripeError(
        failure.status,
        failure.type ?? 'api_error',
        failure.message ?? 'Stand-in failure',
        failure.code,
      );
    return answer;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' ? key : null;
    const params = decodeForm(raw);
    const target = route(method, url.pathname);
    const record: RecordedStripeRequest = {
      operation: target?.operation ?? null,
      method,
      path: url.pathname,
      idempotencyKey,
      params,
      status: 0,
      replayed: false,
    };
    requests.push(record);
    const send = (answer: Answer, replayed = false): void => {
      record.status = answer.status;
      record.replayed = replayed;
      res.writeHead(answer.status, {
        'content-type': 'application/json',
        'request-id': stripeId('req'),
        // Stripe tells its SDKs not to repeat a call whose answer is final; the server's own retry decides.
        'stripe-should-retry': 'false',
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
      res.end(JSON.stringify(answer.body));
    };
    if (req.headers.authorization !== `Bearer ${STAND_IN_SECRET_KEY}`) {
      return send(stripeError(401, 'invalid_request_error', 'Invalid API Key provided.'));
    }
    if (!target)
      return send(stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${url.pathname}).`));
    const savedKey = idempotencyKey && method === 'POST' ? `${method} ${url.pathname} ${idempotencyKey}` : null;
    const previous = savedKey ? saved.get(savedKey) : undefined;
    if (previous) {
      if (previous.params !== raw) {
        return send(
          stripeError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with.`,
          ),
        );
      }
      return send(previous.answer, true);
    }
    const answer = execute(target.operation, params, target.id);
    if (savedKey) saved.set(savedKey, { params: raw, answer });
    send(answer);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const session = (id: string): StandInSession => {
    const found = sessions.get(id);
    if (!found) throw new Error(`no session ${id} at the stand-in`);
    return found;
  };
  const event = (type: string, object: Record<string, unknown>): StandInEvent => {
    const id = stripeId('evt');
    const payload = JSON.stringify(
      {
        id,
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: nowSeconds(),
        type,
        data: { object },
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
      },
      null,
      2,
    );
    return { id, type, payload };
  };
  const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}): string =>
    Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? STAND_IN_WEBHOOK_SECRET,
      ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    });

  return {
    baseUrl,
    requests,
    sessions,
    refunds,
    env: (extra = {}) => ({
      ENABLE_PAYMENTS: 'true',
      STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET,
      STRIPE_API_BASE: baseUrl,
      ...extra,
    }),
    fail(operation, next) {
      const queue = failures.get(operation) ?? [];
      queue.push(...(Array.isArray(next) ? next : [next as ScriptedFailure]));
      failures.set(operation, queue);
    },
    pay(id) {
      const s = session(id);
      Object.assign(s, {
        status: 'complete',
        payment_status: 'paid',
        payment_intent: s.payment_intent ?? stripeId('pi'),
      });
      return { ...s };
    },
    payLater(id) {
      const s = session(id);
      Object.assign(s, { status: 'complete', payment_status: 'unpaid', payment_intent: stripeId('pi') });
      return { ...s };
    },
    settle(id) {
      const s = session(id);
      s.payment_status = 'paid';
      return { ...s };
    },
    expire(id) {
      const s = session(id);
      s.status = 'expired';
      return { ...s };
    },
    sessionEvent: (type, id) => event(type, { ...session(id) }),
    chargeRefundedEvent: (paymentIntentId, refunded = true) =>
      event('charge.refunded', {
        id: stripeId('ch'),
        object: 'charge',
        amount: 299,
        amount_refunded: refunded ? 299 : 100,
        currency: 'gbp',
        payment_intent: paymentIntentId,
        refunded,
      }),
    event,
    sign,
    deliver(app, stripeEvent, options = {}) {
      const header =
        options.header === undefined
          ? sign(stripeEvent.payload, {
              ...(options.secret ? { secret: options.secret } : {}),
              ...(options.timestamp ? { timestamp: options.timestamp } : {}),
            })
          : options.header;
      return app.inject({
        method: 'POST',
        url: '/webhooks/stripe',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          ...(header === null ? {} : { 'stripe-signature': header }),
        },
        payload: options.body ?? stripeEvent.payload,
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
