import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/index.js';
import { LineSink } from './helpers.js';

const STRIPE_KEY = 'sk_live_51HxYzABCDEFGH12345678';
const SECRETS = /hunter2|sk_live|4111|eyJ|abc\.def/;

function setup() {
  const sink = new LineSink();
  const logger = createLogger({ level: 'debug', environment: 'test', stdout: sink });
  return { sink, logger };
}

describe('logger redaction', () => {
  it('redacts the message string', () => {
    const { sink, logger } = setup();
    logger.info(`paid with 4111 1111 1111 1111 using ${STRIPE_KEY}`);
    logger.info('order 1234567890123 shipped');
    expect(sink.records.map((record) => record.msg)).toEqual([
      'paid with [REDACTED] using [REDACTED]',
      'order 1234567890123 shipped',
    ]);
  });

  it('redacts printf-style arguments, including objects formatted into the message', () => {
    const { sink, logger } = setup();
    logger.info('header %s', 'Bearer abc.def');
    logger.info({ route: '/x' }, 'login %o', { email: 'sam@example.com', password: 'hunter2' });
    expect(sink.records[0].msg).toBe('header Bearer [REDACTED]');
    expect(sink.records[1].msg).toContain("password: '[REDACTED]'");
    expect(sink.records[1].route).toBe('/x');
    expect(sink.lines.join('\n')).not.toMatch(SECRETS);
  });

  it('redacts nested objects: sensitive keys and secrets in values', () => {
    const { sink, logger } = setup();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def', cookie: 'sid=1', 'user-agent': 'vitest' } },
        body: { email: 'sam@example.com', password: 'hunter2', note: 'card 4111-1111-1111-1111' },
        tokens_used: 99,
      },
      'request',
    );
    expect(sink.records[0]).toMatchObject({
      req: { headers: { authorization: '[REDACTED]', cookie: '[REDACTED]', 'user-agent': 'vitest' } },
      body: { email: 's***@example.com', password: '[REDACTED]', note: 'card [REDACTED]' },
      tokens_used: 99,
      msg: 'request',
    });
  });

  it('redacts an error logged alone: its message becomes the redacted msg and err is serialized', () => {
    const { sink, logger } = setup();
    const error = Object.assign(new Error(`Stripe rejected ${STRIPE_KEY}`), { statusCode: 401 });
    logger.error(error);
    const [record] = sink.records;
    expect(record).toMatchObject({
      level: 'ERROR',
      msg: 'Stripe rejected [REDACTED]',
      err: { type: 'Error', message: 'Stripe rejected [REDACTED]', statusCode: 401 },
    });
    expect((record.err as { stack: string }).stack).toContain('Stripe rejected [REDACTED]');
    expect(sink.lines[0]).not.toMatch(SECRETS);
  });

  it('redacts errors under err with an implied message, under other keys, and with a message of their own', () => {
    const { sink, logger } = setup();
    const error = new TypeError('password=hunter2 rejected', { cause: new Error('card 4111111111111111') });
    logger.error({ err: error, attempt: 1 });
    logger.error({ error }, 'failed for 4111111111111111');
    logger.warn(error, 'explicit');
    const [first, second, third] = sink.records;
    expect(first).toMatchObject({
      msg: 'password=[REDACTED] rejected',
      attempt: 1,
      err: { type: 'TypeError', message: 'password=[REDACTED] rejected', cause: { message: 'card [REDACTED]' } },
    });
    expect(second).toMatchObject({ msg: 'failed for [REDACTED]', error: { type: 'TypeError' } });
    expect(third).toMatchObject({ msg: 'explicit', err: { message: 'password=[REDACTED] rejected' } });
    expect(sink.lines.join('\n')).not.toMatch(SECRETS);
  });

  it('keeps a msg field of the merging object, redacted', () => {
    const { sink, logger } = setup();
    logger.info({ msg: 'password=hunter2', err: new Error('ignored as message') });
    logger.info({ err: 'not an error' });
    expect(sink.records[0].msg).toBe('password=[REDACTED]');
    expect(sink.records[1]).not.toHaveProperty('msg');
  });

  it('redacts child bindings, at every generation', () => {
    const { sink, logger } = setup();
    const child = logger.child({ token: 'abc', stage: 'auth' });
    child.child({ session: { refreshToken: 'r', id: 's-1' } }).info('grandchild');
    expect(sink.records[0]).toMatchObject({
      token: '[REDACTED]',
      stage: 'auth',
      session: { refreshToken: '[REDACTED]', id: 's-1' },
      msg: 'grandchild',
    });
  });

  it('redacts what serializers given to a child produce (as Fastify passes its req serializer)', () => {
    const { sink, logger } = setup();
    class IncomingRequest {
      constructor(
        readonly url: string,
        readonly headers: Record<string, string>,
      ) {}
    }
    const serializers = { req: (req: IncomingRequest) => ({ url: req.url, headers: req.headers }) };
    const child = logger.child({}, { serializers, level: 'debug' });
    child.info(
      { req: new IncomingRequest('/cb?access_token=abc&x=1', { authorization: 'Bearer abc.def' }) },
      'incoming',
    );
    child.child({ reqId: 'r-1' }).info({ req: new IncomingRequest('/ok', {}) }, 'grandchild keeps serializers');
    expect(sink.records.map((record) => record.req)).toEqual([
      { url: '/cb?access_token=[REDACTED]&x=1', headers: { authorization: '[REDACTED]' } },
      { url: '/ok', headers: {} },
    ]);
  });

  it('passes non-string messages and empty calls through', () => {
    const { sink, logger } = setup();
    logger.info(42 as unknown as string);
    logger.info({ a: 1 });
    logger.info(null, 'after null %s', 'Bearer zzz');
    logger.info(null);
    expect(sink.records.map(({ msg, a }) => ({ msg, a }))).toEqual([
      { msg: 42, a: undefined },
      { msg: undefined, a: 1 },
      { msg: 'after null Bearer [REDACTED]', a: undefined },
      { msg: null, a: undefined },
    ]);
  });
});
