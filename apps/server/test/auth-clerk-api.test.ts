import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Database, type Repositories } from '@uksmr/database';
import { createClerkProvider } from '../src/domain/auth/clerk-provider.js';
import { ProviderUnavailableError, TokenRejectedError } from '../src/domain/auth/errors.js';
import { testDatabase } from './support/app.js';
import { TEST_ORIGIN, clerkKeys, type ClerkKeys } from './support/clerk-keys.js';

const SECRET_KEY = 'sk_test_standinstandinstandin0123';

/** A stand-in for Clerk's Backend API: `GET /v1/jwks` and `GET /v1/users/{id}`, with the secret key checked. */
interface ClerkStandIn {
  readonly url: string;
  readonly requests: string[];
  /** Clerk users by id, in the Backend API's JSON shape. */
  readonly users: Map<string, Record<string, unknown>>;
  /** Endpoints that answer 500 for now. */
  readonly failing: Set<'jwks' | 'users'>;
  close(): Promise<void>;
}

async function clerkStandIn(keys: ClerkKeys): Promise<ClerkStandIn> {
  const state = {
    requests: [] as string[],
    users: new Map<string, Record<string, unknown>>(),
    failing: new Set<'jwks' | 'users'>(),
  };
  const down = { errors: [{ code: 'internal_clerk_error', message: 'down' }] };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.requests.push(`${req.method} ${req.url}`);
    if (req.headers.authorization !== `Bearer ${SECRET_KEY}`)
      return send(res, 401, { errors: [{ code: 'authentication_invalid', message: 'bad key' }] });
    if (req.url === '/v1/jwks')
      return state.failing.has('jwks') ? send(res, 500, down) : send(res, 200, { keys: [keys.publicJwk] });
    const id = /^\/v1\/users\/([\w-]+)$/.exec(req.url ?? '')?.[1];
    if (id && state.failing.has('users')) return send(res, 500, down);
    const user = id ? state.users.get(id) : undefined;
    if (user) return send(res, 200, user);
    return send(res, 404, { errors: [{ code: 'resource_not_found', message: 'not found' }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A Backend API user who signed in with `provider`. */
function clerkUser(id: string, email: string, provider?: string): Record<string, unknown> {
  return {
    object: 'user',
    id,
    primary_email_address_id: 'idn_1',
    email_addresses: [
      { id: 'idn_1', object: 'email_address', email_address: email, verification: null, linked_to: [] },
    ],
    external_accounts: provider
      ? [{ id: 'eac_1', object: 'external_account', provider, email_address: email, verification: null }]
      : [],
    phone_numbers: [],
    web3_wallets: [],
  };
}

let database: Database;
let repos: Repositories;
let keys: ClerkKeys;
let clerk: ClerkStandIn;

beforeAll(async () => {
  database = await testDatabase();
  repos = createRepositories(database);
  keys = await clerkKeys();
  clerk = await clerkStandIn(keys);
});
afterAll(async () => {
  await clerk.close();
  await database.close();
});

const provider = () =>
  createClerkProvider({
    secretKey: SECRET_KEY,
    apiUrl: clerk.url,
    authorizedParties: [TEST_ORIGIN],
    users: repos.users,
  });

describe('Clerk provider with CLERK_SECRET_KEY (Backend API)', () => {
  it('verifies with the JWKS, reads the provider and email from the Backend API once, then answers from memory', async () => {
    clerk.users.set('user_google', clerkUser('user_google', 'Google.User@Example.com', 'oauth_google'));
    const clerkProvider = provider();
    const first = await clerkProvider.authenticate(await keys.sign({ sub: 'user_google' }));
    const second = await clerkProvider.authenticate(await keys.sign({ sub: 'user_google' }));
    expect(second).toEqual(first);
    expect(first.sessionId).toBeNull();
    expect(await repos.users.findById(first.userId)).toMatchObject({
      externalId: 'user_google',
      authProvider: 'google',
      email: 'google.user@example.com',
    });
    expect(clerk.requests.filter((r) => r === 'GET /v1/users/user_google')).toHaveLength(1);
    expect(clerk.requests).toContain('GET /v1/jwks');
  });

  it.each([
    ['oauth_apple', 'apple'],
    ['oauth_facebook', 'facebook'],
    ['oauth_github', 'email'],
    [undefined, 'email'],
  ])('maps a Clerk user of %s to %s', async (clerkProviderName, kind) => {
    const id = `user_${kind}_${clerkProviderName ?? 'none'}`;
    clerk.users.set(id, clerkUser(id, `${kind}@example.com`, clerkProviderName));
    const { userId } = await provider().authenticate(await keys.sign({ sub: id }));
    expect(await repos.users.findById(userId)).toMatchObject({ authProvider: kind });
  });

  it('keeps at most cacheSize known users, asking again for one that was dropped', async () => {
    for (const id of ['user_lru_a', 'user_lru_b'])
      clerk.users.set(id, clerkUser(id, `${id}@example.com`, 'oauth_google'));
    const small = createClerkProvider({
      secretKey: SECRET_KEY,
      apiUrl: clerk.url,
      authorizedParties: [TEST_ORIGIN],
      users: repos.users,
      cacheSize: 1,
    });
    const lookUps = (id: string) => clerk.requests.filter((r) => r === `GET /v1/users/${id}`).length;
    await small.authenticate(await keys.sign({ sub: 'user_lru_a' }));
    await small.authenticate(await keys.sign({ sub: 'user_lru_a' }));
    expect(lookUps('user_lru_a')).toBe(1);
    await small.authenticate(await keys.sign({ sub: 'user_lru_b' }));
    await small.authenticate(await keys.sign({ sub: 'user_lru_a' }));
    expect(lookUps('user_lru_a')).toBe(2);
  });

  it('shares one look-up between concurrent first requests', async () => {
    clerk.users.set('user_concurrent', clerkUser('user_concurrent', 'c@example.com', 'oauth_apple'));
    const clerkProvider = provider();
    const token = await keys.sign({ sub: 'user_concurrent' });
    const callers = await Promise.all([1, 2, 3].map(() => clerkProvider.authenticate(token)));
    expect(new Set(callers.map((c) => c.userId)).size).toBe(1);
    expect(clerk.requests.filter((r) => r === 'GET /v1/users/user_concurrent')).toHaveLength(1);
  });

  it('fails with ProviderUnavailableError when the Backend API fails, and asks again next time', async () => {
    clerk.users.set('user_retry', clerkUser('user_retry', 'retry@example.com', 'oauth_google'));
    const clerkProvider = provider();
    const token = await keys.sign({ sub: 'user_retry' });
    clerk.failing.add('users');
    try {
      await expect(clerkProvider.authenticate(token)).rejects.toBeInstanceOf(ProviderUnavailableError);
    } finally {
      clerk.failing.delete('users');
    }
    const { userId } = await clerkProvider.authenticate(token);
    expect(await repos.users.findById(userId)).toMatchObject({ externalId: 'user_retry', authProvider: 'google' });
  });

  it('fails with ProviderUnavailableError when the JWKS cannot be loaded (after Clerk’s own retries)', async () => {
    clerk.failing.add('jwks');
    try {
      // A key id not seen before, so that the JWKS is fetched again.
      const rotated = await clerkKeys();
      await expect(provider().authenticate(await rotated.sign())).rejects.toBeInstanceOf(ProviderUnavailableError);
    } finally {
      clerk.failing.delete('jwks');
    }
  });

  it('refuses a token whose key id is not in the JWKS', async () => {
    const other = await clerkKeys();
    await expect(provider().authenticate(await other.sign())).rejects.toEqual(
      new TokenRejectedError('jwk-kid-mismatch'),
    );
  });
});

describe('Clerk provider options', () => {
  it('needs a JWT key or a secret key', () => {
    expect(() => createClerkProvider({ authorizedParties: [], users: repos.users })).toThrow(
      /CLERK_JWT_KEY or CLERK_SECRET_KEY/,
    );
  });

  it('does not check azp when ALLOWED_ORIGINS is only *', async () => {
    const clerkProvider = createClerkProvider({
      jwtKey: keys.publicKeyPem,
      authorizedParties: ['*'],
      users: repos.users,
    });
    const caller = await clerkProvider.authenticate(
      await keys.sign({ sub: 'user_any_origin', azp: 'https://anywhere.example' }),
    );
    expect(await repos.users.findById(caller.userId)).toMatchObject({
      externalId: 'user_any_origin',
      authProvider: 'email',
    });
  });
});
