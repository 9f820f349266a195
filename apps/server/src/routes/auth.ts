import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refreshedSchema, signedInSchema, type AuthResult } from '@uksmr/contract';
import { maskEmail } from '@uksmr/logging';
import { normaliseEmail } from '../domain/auth/email.js';
import { passwordProblem } from '../domain/auth/password-policy.js';
import { SemaphoreFullError } from '../domain/auth/semaphore.js';
import { EmailTakenError, InvalidCredentialsError, TokenRejectedError } from '../domain/auth/errors.js';
import type { RefreshGrant, SignedIn } from '../domain/auth/local-accounts.js';
import { ApiError, errorResponses, unauthorized, noStore } from '../errors.js';
import { authFailure } from '../plugins/app/auth.js';
import { hashedKey } from '../plugins/external/rate-limit.js';
import { originAllowed, readCookie, REFRESH_COOKIE, refreshCookie } from './refresh-cookie.js';

/** Shortest accepted password. */
const MIN_PASSWORD_LENGTH = 8;
/** Longest accepted password (scrypt hashes any length, but there is no reason to accept megabytes). */
const MAX_PASSWORD_LENGTH = 256;
/** Sign-up and login attempts allowed per IP and email in one minute. */
const CREDENTIAL_ATTEMPTS_PER_MINUTE = 10;
/** Logins one IP may attempt in a minute, whatever the emails (password spraying). */
export const LOGINS_PER_IP_PER_MINUTE = 30;
/** Sign-ups one IP may attempt in a minute (each answer tells whether an email is registered). */
export const SIGNUPS_PER_IP_PER_MINUTE = 20;

const credentialsSchema = z.strictObject({
  email: z
    .string()
    .max(320)
    .overwrite(normaliseEmail)
    .check(z.email({ error: 'must be an email address' }))
    .describe('Email address; trimmed and lower-cased'),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(MAX_PASSWORD_LENGTH, { error: `must be at most ${MAX_PASSWORD_LENGTH} characters` })
    .describe(`Password, ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`),
});

/** Validated signup and login bodies. */
type Credentials = z.output<typeof credentialsSchema>;

/** A signup body: credentials whose password is not a common one, the email, or only spaces. */
const signupSchema = credentialsSchema.superRefine(({ email, password }, ctx) => {
  const problem = passwordProblem(password, email);
  if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
});

const LOGIN_FAILED = 'The email or password is incorrect.';

/**
 * The stricter budget of the credential routes: 10 a minute per IP and email, so that guessing one
 * account's password is slow, and one caller cannot crowd out another's account.
 */
const credentialRateLimit = {
  max: CREDENTIAL_ATTEMPTS_PER_MINUTE,
  timeWindow: 60_000,
  // Runs in preHandler, after validation: the body is valid and its email normalised.
  // The email is hashed: a shared store (Redis) never holds it in plain text.
  keyGenerator: (request: FastifyRequest): string =>
    `auth:${request.ip}:${hashedKey((request.body as Credentials).email)}`,
};

/** A budget per IP of `max` attempts a minute, for the route `name`. */
function perIp(name: string, max: number) {
  return { max, timeWindowMs: 60_000, key: (request: FastifyRequest): string => `${name}:${request.ip}` };
}

/** A sign-in refused because too many are waiting for password hashing: 503 with Retry-After. */
function busyOr(error: unknown): unknown {
  if (!(error instanceof SemaphoreFullError)) return error;
  return new ApiError(
    503,
    'SERVICE_UNAVAILABLE',
    'Service unavailable',
    'Sign-in is busy right now. Please try again in a few seconds.',
    {
      'Retry-After': '5',
    },
  );
}

/** The wire shape of a sign-in. */
function signedInBody({ token, user }: SignedIn): AuthResult {
  return { token, user: { user_id: user.userId, email: user.email } };
}

/** Detail of the 401 for a cookie refresh that found no usable sign-in. */
const NO_SIGN_IN = 'You are not signed in on this browser, or your sign-in has ended. Sign in again.';

/**
 * `/auth/signup`, `/auth/login`, `/auth/refresh` and `/auth/logout` for local accounts. With
 * AUTH_PROVIDER=clerk they are not registered at all — sign-in happens in Clerk's own UI — so they answer
 * the app's 404 NOT_FOUND and are absent from the OpenAPI document.
 */
const authRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  const accounts = app.localAccounts;
  if (!accounts) return done();
  app.addHook('onRequest', noStore);
  const secure = app.config.environmentMode === 'production';
  /** Sets (a grant) or clears (null) the refresh cookie; responses carrying tokens are never stored by caches. */
  const withCookie = (reply: FastifyReply, grant: RefreshGrant | null): FastifyReply =>
    reply.header('Cache-Control', 'no-store').header(
      'Set-Cookie',
      refreshCookie(grant?.refreshToken ?? '', {
        secure,
        expiresAt: grant?.refreshExpiresAt ?? null,
        now: app.now(),
      }),
    );
  /** Verifies the Bearer token when there is one; a refresh without one is a cookie refresh. */
  const bearerIfSent = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.headers.authorization !== undefined) await app.authenticate(request, reply);
  };
  /** The cookie path of `POST /auth/refresh`: checks Origin, uses and rotates the refresh token. */
  const assertAppOrigin = (request: FastifyRequest): void => {
    if (originAllowed(request.headers.origin, app.config.allowedOrigins, app.config.appUrl)) return;
    request.log.warn(
      { event: 'auth.refresh_origin_refused', origin: request.headers.origin ?? null },
      'refresh origin refused',
    );
    throw new ApiError(403, 'FORBIDDEN', 'Forbidden', 'This sign-in can only be renewed from the web app itself.');
  };
  const refreshFromCookie = async (request: FastifyRequest, reply: FastifyReply) => {
    const presented = readCookie(request.headers.cookie, REFRESH_COOKIE);
    if (presented === null) {
      // Neither a Bearer token nor the cookie: the contract's 401.
      request.log.info({ event: 'auth.token_rejected', reason: 'missing-token' }, 'token rejected');
      throw unauthorized(NO_SIGN_IN);
    }
    assertAppOrigin(request);
    try {
      const signedIn = await accounts.refreshWith(presented);
      request.log.info({ event: 'auth.refresh', via: 'cookie', userId: signedIn.user.userId }, 'token refreshed');
      withCookie(reply, signedIn);
      return signedInBody(signedIn);
    } catch (error) {
      withCookie(reply, null);
      if (error instanceof TokenRejectedError && error.reason === 'refresh-reused') {
        request.log.warn({ event: 'auth.refresh_reused' }, 'refresh token replayed: sign-in revoked');
      }
      throw authFailure(request, error);
    }
  };
  app.post(
    '/auth/signup',
    {
      config: { rateLimit: credentialRateLimit },
      preValidation: app.budget(perIp('signup-ip', SIGNUPS_PER_IP_PER_MINUTE)),
      schema: {
        tags: ['auth'],
        operationId: 'signUp',
        summary: 'Create a local account and sign in',
        security: [],
        body: signupSchema,
        response: { 201: signedInSchema, ...errorResponses(400, 409, 429, 503) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const signedIn = await accounts.signup(email, password).catch((error: unknown) => {
        if (!(error instanceof EmailTakenError)) throw busyOr(error);
        request.log.info(
          { event: 'auth.signup_failed', email: maskEmail(email), reason: 'email-taken' },
          'signup failed',
        );
        throw new ApiError(
          409,
          'CONFLICT',
          'Email already registered',
          'An account with this email already exists. Sign in instead.',
        );
      });
      request.log.info({ event: 'auth.signup', email: maskEmail(email), userId: signedIn.user.userId }, 'signup');
      return withCookie(reply, signedIn).code(201).send(signedInBody(signedIn));
    },
  );

  app.post(
    '/auth/login',
    {
      config: { rateLimit: credentialRateLimit },
      preValidation: app.budget(perIp('login-ip', LOGINS_PER_IP_PER_MINUTE)),
      schema: {
        tags: ['auth'],
        operationId: 'logIn',
        summary: 'Sign in with email and password',
        security: [],
        body: credentialsSchema,
        response: { 200: signedInSchema, ...errorResponses(400, 401, 429, 503) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const signedIn = await accounts.login(email, password).catch((error: unknown) => {
        if (!(error instanceof InvalidCredentialsError)) throw busyOr(error);
        request.log.warn({ event: 'auth.login_failed', email: maskEmail(email), reason: error.reason }, 'login failed');
        throw unauthorized(LOGIN_FAILED);
      });
      request.log.info({ event: 'auth.login', email: maskEmail(email), userId: signedIn.user.userId }, 'login');
      return withCookie(reply, signedIn).send(signedInBody(signedIn));
    },
  );

  app.post(
    '/auth/refresh',
    {
      onRequest: [bearerIfSent],
      schema: {
        tags: ['auth'],
        operationId: 'refreshToken',
        summary: 'A new access token: from the Bearer token (that session ends), or from the refresh cookie',
        description:
          "With `Authorization: Bearer`, the contract's exchange: the current session ends and a new one begins. " +
          'Without it, the `uksmr_refresh` cookie (HttpOnly, SameSite=Strict, Path=/auth/refresh) set by signup and ' +
          'login is used: the request must carry an `Origin` of APP_URL or ALLOWED_ORIGINS (403 otherwise); the cookie ' +
          'is rotated on every use; presenting an already used one revokes the whole sign-in (401).',
        security: [{ bearerAuth: [] }, { refreshCookie: [] }],
        response: { 200: refreshedSchema, ...errorResponses(401, 403, 429) },
      },
    },
    async (request, reply) => {
      if (!request.auth) return refreshFromCookie(request, reply);
      const caller = request.auth;
      // A concurrent refresh or logout may end the session after the token was checked.
      const refreshed = await accounts.refresh(caller).catch((error: unknown) => {
        throw authFailure(request, error);
      });
      request.log.info({ event: 'auth.refresh', userId: caller.userId }, 'token refreshed');
      return refreshed;
    },
  );

  app.delete(
    '/auth/refresh',
    {
      schema: {
        tags: ['auth'],
        operationId: 'logOutBrowser',
        summary: 'Sign out this browser: ends the sign-in of the refresh cookie and clears it',
        description: 'Needs no Bearer token (it may have expired); the `Origin` check of `POST /auth/refresh` applies.',
        security: [{ refreshCookie: [] }, {}],
        response: { 204: z.null().describe('Signed out'), ...errorResponses(403, 429) },
      },
    },
    async (request, reply) => {
      assertAppOrigin(request);
      const presented = readCookie(request.headers.cookie, REFRESH_COOKIE);
      if (presented !== null) await accounts.logoutRefresh(presented);
      request.log.info({ event: 'auth.logout', via: 'cookie' }, 'logout');
      return withCookie(reply, null).code(204).send(null);
    },
  );

  app.post(
    '/auth/logout',
    {
      onRequest: [app.authenticate],
      schema: {
        tags: ['auth'],
        operationId: 'logOut',
        summary: 'Sign out: the current token is refused from now on',
        security: [{ bearerAuth: [] }],
        response: { 204: z.null().describe('Signed out'), ...errorResponses(401, 429) },
      },
    },
    async (request, reply) => {
      const caller = request.auth!;
      await accounts.logout(caller);
      request.log.info({ event: 'auth.logout', userId: caller.userId }, 'logout');
      return withCookie(reply, null).code(204).send(null);
    },
  );
  done();
};

export default authRoutes;
