/**
 * Stripe for the browser run: the project's Stripe stand-in (the API the server calls) behind a small front
 * server on one loopback port that
 * - forwards `/v1/*` to the stand-in unchanged, except that a Checkout Session's `url` points at
 * - `GET /checkout/{session_id}`: a tiny payment page whose "Pay" button
 * - `POST /checkout/{session_id}/pay`: marks the session paid at the stand-in, delivers a signed
 *   `checkout.session.completed` webhook to the server over HTTP, and redirects to the session's `success_url`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startStripeStandIn, type StripeStandIn } from '../../apps/server/test/support/stripe-stand-in.js';

/** The button of the payment page. */
export const PAY_BUTTON = 'Pay £2.99';

/** The running local Stripe. */
export interface LocalStripe {
  /** The stand-in behind the front server (its sessions, requests and refunds). */
  readonly standIn: StripeStandIn;
  /** The variables that point the server at it with payments on (`STRIPE_API_BASE` is the front server). */
  readonly env: Record<string, string>;
  /** Webhook deliveries so far: the event id and the server's answer status. */
  readonly deliveries: { readonly eventId: string; readonly status: number }[];
  close(): Promise<void>;
}

/** Hop-by-hop and recomputed headers, not forwarded. */
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Reads a request body as text (Stripe's API takes form bodies). */
async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

/** The payment page: the amount, the subject and one button. */
function checkoutPage(sessionId: string, subject: string): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Local Checkout</title></head>
<body><main><h1>Local Checkout</h1><p>UK study &amp; migration report: ${subject.replace(/[<>&"]/g, '')}</p>
<form method="post" action="/checkout/${encodeURIComponent(sessionId)}/pay"><button type="submit">${PAY_BUTTON}</button></form>
</main></body></html>`;
}

/**
 * Starts the stand-in and its front server. `serverUrl` is where the app under test listens (the webhook goes to
 * `${serverUrl}/webhooks/stripe`), known in advance from {@link import('./server.js').freePort}.
 */
export async function startLocalStripe(serverUrl: string): Promise<LocalStripe> {
  const standIn = await startStripeStandIn();
  const deliveries: { eventId: string; status: number }[] = [];
  let base = '';

  /** Forwards an API call to the stand-in; a Checkout Session's `url` is rewritten to the local page. */
  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string' && !NOT_FORWARDED.has(entry[0]),
      ),
    );
    const answer = await fetch(`${standIn.baseUrl}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      ...(body === '' ? {} : { body }),
    });
    const json = (await answer.json()) as Record<string, unknown>;
    if (json.object === 'checkout.session') json.url = `${base}/checkout/${String(json.id)}`;
    res.writeHead(answer.status, { 'content-type': 'application/json', 'stripe-should-retry': 'false' });
    res.end(JSON.stringify(json));
  };

  /** The customer pays: the session is paid, Stripe tells the server, the browser goes back to the app. */
  const pay = async (sessionId: string, res: ServerResponse): Promise<void> => {
    const session = standIn.pay(sessionId);
    const event = standIn.sessionEvent('checkout.session.completed', sessionId);
    const delivered = await fetch(`${serverUrl}/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': standIn.sign(event.payload) },
      body: event.payload,
    });
    deliveries.push({ eventId: event.id, status: delivered.status });
    res.writeHead(303, { location: session.success_url.replace('{CHECKOUT_SESSION_ID}', sessionId) });
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', base).pathname;
    const page = /^\/checkout\/([^/]+)(\/pay)?$/.exec(path);
    if (path.startsWith('/v1/')) return forward(req, res);
    const session = page ? standIn.sessions.get(decodeURIComponent(page[1])) : undefined;
    if (!page || !session) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    if (page[2] && req.method === 'POST') return pay(session.id, res);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(checkoutPage(session.id, session.metadata.subject ?? ''));
  };

  const front = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

  return {
    standIn,
    env: standIn.env({ STRIPE_API_BASE: base }),
    deliveries,
    close: async () => {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await standIn.close();
    },
  };
}
