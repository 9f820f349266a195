import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createClerkProvider } from '../../domain/auth/clerk-provider.js';
import { ProviderUnavailableError, TokenRejectedError } from '../../domain/auth/errors.js';
import { createFailureSlowdown } from '../../domain/auth/failure-slowdown.js';
import { createLocalAccounts, type LocalAccounts } from '../../domain/auth/local-accounts.js';
import { createPasswordHasher } from '../../domain/auth/password.js';
import type { AuthProvider, Caller } from '../../domain/auth/provider.js';
import { createRefreshTokens } from '../../domain/auth/refresh-tokens.js';
import { createSessionTokens } from '../../domain/auth/tokens.js';
import { ApiError, unauthorized } from '../../errors.js';
import { setRequestUser } from './request-context.js';

/** Who is calling, once a Bearer token has been verified: `userId`, and `sessionId` (local provider; null for Clerk). */
export type RequestAuth = Caller;

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller, or null before/without authentication. */
    auth: RequestAuth | null;
  }
  interface FastifyInstance {
    /** onRequest hook for routes that need a signed-in user: 401 UNAUTHORIZED otherwise. */
    readonly authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Local accounts (signup, login, refresh, logout) when AUTH_PROVIDER=local; null for Clerk. */
    readonly localAccounts: LocalAccounts | null;
  }
}

/** `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 7235). */
const BEARER = /^Bearer +([\w\-.~+/]+=*) *$/i;

/** Detail of the 401 for a request without a Bearer token. */
const MISSING_TOKEN = 'Sign in to continue: send an Authorization: Bearer <token> header.';
/** Detail of the 401 for a token that was refused (the reason is logged, not sent). */
const REJECTED_TOKEN = 'Your session is invalid or has ended. Sign in again.';

/** The provider AUTH_PROVIDER names over the app's repositories, and the local accounts when it is `local`. */
function createSignIn(app: FastifyInstance): { provider: AuthProvider; localAccounts: LocalAccounts | null } {
  const { config, repos, services } = app;
  if (config.authProvider === 'clerk') {
    const provider = createClerkProvider({
      jwtKey: config.clerkJwtKey,
      secretKey: config.clerkSecretKey,
      authorizedParties: config.allowedOrigins,
      users: repos.users,
    });
    return { provider, localAccounts: null };
  }
  const now = (): Date => app.now();
  const localAccounts = createLocalAccounts({
    users: repos.users,
    sessions: repos.sessions,
    tokens: createSessionTokens({ secret: config.authSecret, now }),
    // createSessionTokens has refused a missing or short AUTH_SECRET already.
    refreshTokens: createRefreshTokens(config.authSecret ?? ''),
    passwords: services.passwords ?? createPasswordHasher(),
    now,
    slowdown: createFailureSlowdown(() => Date.now()),
  });
  return { provider: localAccounts, localAccounts };
}

/**
 * The response error for a failed authentication, logged with its reason: 401 UNAUTHORIZED for a refused
 * token, 503 SERVICE_UNAVAILABLE when the identity provider could not be asked; other errors as they are.
 */
export function authFailure(request: Pick<FastifyRequest, 'log'>, error: unknown): unknown {
  if (error instanceof TokenRejectedError) {
    request.log.warn({ event: 'auth.token_rejected', reason: error.reason }, 'token rejected');
    return unauthorized(REJECTED_TOKEN);
  }
  if (error instanceof ProviderUnavailableError) {
    request.log.error({ event: 'auth.provider_unavailable', err: error }, 'identity provider unavailable');
    return new ApiError(
      503,
      'SERVICE_UNAVAILABLE',
      'Service unavailable',
      'Sign-in cannot be checked right now. Please try again shortly.',
    );
  }
  return error;
}

/**
 * Sign-in: decorates `request.auth` (null until verified) and `app.authenticate`, the onRequest hook
 * that verifies the Bearer token with the configured provider (local session tokens or Clerk session
 * tokens), sets `request.auth` and the log context's userId, and answers 401 UNAUTHORIZED otherwise.
 * It runs in onRequest so that the rate limit (preHandler) can key by user.
 */
export default fp(
  (app, _opts, done) => {
    const { provider, localAccounts } = createSignIn(app);
    app.decorateRequest('auth', null);
    app.decorate('localAccounts', localAccounts);
    app.decorate('authenticate', async (request: FastifyRequest, _reply: FastifyReply) => {
      const header = request.headers.authorization;
      const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
      if (token === undefined) {
        request.log.warn(
          { event: 'auth.token_rejected', reason: header === undefined ? 'missing-token' : 'malformed-header' },
          'token rejected',
        );
        throw unauthorized(MISSING_TOKEN);
      }
      try {
        request.auth = await provider.authenticate(token);
      } catch (error) {
        throw authFailure(request, error);
      }
      setRequestUser(request.auth.userId);
    });
    done();
  },
  { name: 'auth', dependencies: ['services'] },
);
