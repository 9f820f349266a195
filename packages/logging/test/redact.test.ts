import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskEmail, redact } from '../src/index.js';
import { passesLuhn } from '../src/luhn.js';
import { isSensitiveKey, redactString } from '../src/redact.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEyMyJ9.Xy-_kP9sQm3v0AbCdEfGhIjKlMnOpQrStUvWxYz012';

describe('passesLuhn', () => {
  it.each(['4111111111111111', '4242424242424242', '378282246310005', '4222222222222', '6011000990139424', '0'])(
    'accepts %s',
    (digits) => expect(passesLuhn(digits)).toBe(true),
  );
  it.each(['4111111111111112', '1234567890123', '79927398710'])('rejects %s', (digits) =>
    expect(passesLuhn(digits)).toBe(false),
  );
});

describe('isSensitiveKey', () => {
  it.each([
    'password',
    'Password',
    'passwordHash',
    'password_hash',
    'newPassword',
    'token',
    'accessToken',
    'refresh_token',
    'id_token',
    'secret',
    'CLERK_SECRET_KEY',
    'STRIPE_WEBHOOK_SECRET',
    'authorization',
    'Authorization',
    'proxy-authorization',
    'cookie',
    'set-cookie',
    'apiKey',
    'api_key',
    'x-goog-api-key',
    'X-Cron-Secret',
    'stripe-signature',
    'card',
    'cardNumber',
    'card_number',
    'cvc',
  ])('redacts %s', (key) => expect(isSensitiveKey(key)).toBe(true));

  it.each(['email', 'tokens_used', 'user_id', 'session_id', 'cardholderCountry', 'subject', 'status', 'keys'])(
    'keeps %s',
    (key) => expect(isSensitiveKey(key)).toBe(false),
  );
});

describe('redactString', () => {
  it.each([
    ['Authorization: Bearer abc.DEF-123_~+/==', 'Authorization: Bearer [REDACTED]'],
    ['basic dXNlcjpwYXNz', 'basic [REDACTED]'],
    [`token was ${JWT}!`, 'token was [REDACTED]!'],
    ['key sk_live_51HxYzABCDEFGH12345678 used', 'key [REDACTED] used'],
    ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', '[REDACTED]'],
    ['restricted rk_live_abcdefgh1234 key', 'restricted [REDACTED] key'],
    ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '[REDACTED]'],
    ['clerk sk_2bKq9xYzAbCdEfGh1234567890', 'clerk [REDACTED]'],
    ['card 4111 1111 1111 1111 charged', 'card [REDACTED] charged'],
    ['card 4242-4242-4242-4242', 'card [REDACTED]'],
    ['amex 378282246310005', 'amex [REDACTED]'],
    ['GET /callback?code=abc&access_token=xyz123&state=s', 'GET /callback?code=abc&access_token=[REDACTED]&state=s'],
    ['password=hunter2 user=sam', 'password=[REDACTED] user=sam'],
    ['body {"email":"a@b.c","password": "hunter2","n":1}', 'body {"email":"a***@b.c","password": "[REDACTED]","n":1}'],
    ['{"apiKey":12345}', '{"apiKey":"[REDACTED]"}'],
  ])('redacts %j', (input, expected) => expect(redactString(input)).toBe(expected));

  it.each([
    'order 1234567890123 shipped',
    'card 4111 1111 1111 1112 declined',
    'a run of 20 digits 41111111111111111111 stays',
    'publishable pk_live_51HxYzABCDEFGH12345678 and pk_test_abcdefgh12345678',
    'version 1.2.3 at api.example.com/v1.2',
    'tokens_used=1200 status=completed',
    'task_list and desk_drawer_handle_left stay',
    'at 2025-03-01T12:00:00Z',
    '{"tokens_used":1200}',
  ])('keeps %j', (input) => expect(redactString(input)).toBe(input));
});

describe('redact', () => {
  it('redacts sensitive keys at any depth and secrets in nested strings', () => {
    const input = {
      user: { email: 'sam@example.com', password: 'hunter2', profile: { apiKey: 'k', note: 'card 4111111111111111' } },
      headers: {
        authorization: 'Bearer abc',
        cookie: 'session=1',
        'set-cookie': ['a=1', 'b=2'],
        'x-goog-api-key': 'AIza',
        'stripe-signature': 't=1,v1=abc',
        accept: 'application/json',
      },
      list: [{ token: 't' }, `jwt ${JWT}`, 42, null, true],
      tokens_used: 1200,
    };
    expect(redact(input)).toEqual({
      user: {
        email: 's***@example.com',
        password: '[REDACTED]',
        profile: { apiKey: '[REDACTED]', note: 'card [REDACTED]' },
      },
      headers: {
        authorization: '[REDACTED]',
        cookie: '[REDACTED]',
        'set-cookie': '[REDACTED]',
        'x-goog-api-key': '[REDACTED]',
        'stripe-signature': '[REDACTED]',
        accept: 'application/json',
      },
      list: [{ token: '[REDACTED]' }, 'jwt [REDACTED]', 42, null, true],
      tokens_used: 1200,
    });
  });

  it('never modifies its input', () => {
    const input = { password: 'p', nested: { token: 't' }, text: 'Bearer x' };
    const copy = structuredClone(input);
    redact(input);
    expect(input).toEqual(copy);
  });

  it('passes primitives through and redacts a bare string', () => {
    expect(redact(5)).toBe(5);
    expect(redact(undefined)).toBeUndefined();
    expect(redact(null)).toBeNull();
    expect(redact('Bearer abc')).toBe('Bearer [REDACTED]');
  });

  it('turns errors into plain objects with redacted message, stack, fields and cause', () => {
    class PaymentError extends Error {
      code = 'card_declined';
      card = '4111111111111111';
    }
    const cause = new TypeError(`bad token ${JWT}`);
    const error = new PaymentError('charge failed for sk_test_4eC39HqLyjWDarjtT1zdp7dc', { cause });
    const result = redact({ err: error }) as { err: Record<string, unknown> };
    expect(result.err).toMatchObject({
      type: 'PaymentError',
      message: 'charge failed for [REDACTED]',
      code: 'card_declined',
      card: '[REDACTED]',
      cause: { type: 'TypeError', message: 'bad token [REDACTED]' },
    });
    expect(result.err.stack).toMatch(/^Error: charge failed for \[REDACTED\]\n\s+at /);
    expect(JSON.stringify(result)).not.toMatch(/sk_test|eyJ|4111/);
  });

  it('keeps the errors of an AggregateError', () => {
    const result = redact(new AggregateError([new Error('password=x')], 'several')) as Record<string, unknown>;
    expect(result).toMatchObject({
      type: 'AggregateError',
      message: 'several',
      errors: [{ message: 'password=[REDACTED]' }],
    });
  });

  it('marks cycles but not shared references', () => {
    const shared = { name: 'shared' };
    const looped: Record<string, unknown> = { a: shared, b: shared };
    looped.self = looped;
    expect(redact(looped)).toEqual({ a: { name: 'shared' }, b: { name: 'shared' }, self: '[Circular]' });
  });

  it('walks null-prototype objects and leaves other class instances alone', () => {
    const headers = Object.assign(Object.create(null) as Record<string, string>, { authorization: 'Basic x' });
    const date = new Date(0);
    const buffer = Buffer.from('password=x');
    const map = new Map([['token', 't']]);
    expect(redact({ headers, date, buffer, map })).toEqual({
      headers: { authorization: '[REDACTED]' },
      date,
      buffer,
      map,
    });
    const result = redact({ date }) as { date: Date };
    expect(result.date).toBe(date);
  });
});

describe('maskEmail', () => {
  it.each([
    ['sam@example.com', 's***@example.com'],
    ['a@b.co', 'a***@b.co'],
    ['"odd@local"@example.com', '"***@example.com'],
    ['not-an-email', '***'],
    ['@example.com', '***'],
    ['', '***'],
  ])('masks %j as %j', (email, masked) => expect(maskEmail(email)).toBe(masked));
});

describe('ids are never taken for card numbers', () => {
  it('leaves 50,000 random UUIDs (5,000 under Stryker), and random hex ids, exactly as they are', () => {
    // One assertion over all of them (100,000 separate `expect` calls cost more than the redaction itself). Under
    // Stryker, which re-runs this test for each of the ~150 mutants it covers, a tenth of the sample: a mutant that
    // misreads ids misreads far more than one in 5,000 of them.
    const samples = process.env.STRYKER_MUTATOR_WORKER === undefined ? 50_000 : 5_000;
    const changed: string[] = [];
    for (let i = 0; i < samples; i++) {
      const line = `request ${randomUUID()} done`;
      if (redactString(line) !== line) changed.push(line);
      const hex = randomBytes(16).toString('hex');
      if (redactString(hex) !== hex) changed.push(hex);
    }
    expect(changed).toEqual([]);
  });

  it('still redacts a card number next to an id', () => {
    const id = randomUUID();
    expect(redactString(`${id} paid with 4242 4242 4242 4242`)).toBe(`${id} paid with [REDACTED]`);
  });
});

describe('e-mail addresses inside strings', () => {
  it.each([
    ['report created: Nursing for asha.rao@example.com', 'report created: Nursing for a***@example.com'],
    ['two: a.b+c@uni.ac.uk and x@y.org', 'two: a***@uni.ac.uk and x***@y.org'],
    ['already masked s***@example.com', 'already masked s***@example.com'],
  ])('%j → %j', (input, output) => {
    expect(redactString(input)).toBe(output);
  });
});
