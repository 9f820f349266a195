import { createClerkClient, verifyToken } from '@clerk/backend';
import { TokenVerificationError, TokenVerificationErrorReason } from '@clerk/backend/errors';
import { LRUCache } from 'lru-cache';
import { profileFromClaims, profileFromClerkUser, type ExternalProfile } from './clerk-profile.js';
import { ProviderUnavailableError, TokenRejectedError } from './errors.js';
import type { AuthProvider } from './provider.js';
import type { UserStore } from './stores.js';

/** Known Clerk users kept in memory (Clerk user id → our user id). */
const DEFAULT_CACHE_SIZE = 10_000;

/**
 * What a failed `verifyToken` means: Clerk's keys could not be loaded (network, Clerk down) →
 * ProviderUnavailableError; anything else → TokenRejectedError with Clerk's reason.
 */
function verificationFailure(error: unknown): Error {
  if (error instanceof TokenVerificationError && error.reason !== TokenVerificationErrorReason.RemoteJWKFailedToLoad) {
    return new TokenRejectedError(error.reason);
  }
  return new ProviderUnavailableError({ cause: error });
}

/** Options of the Clerk provider. At least one of `jwtKey` and `secretKey` is required. */
export interface ClerkProviderOptions {
  /** CLERK_JWT_KEY (PEM public key): networkless verification. */
  readonly jwtKey?: string | undefined;
  /** CLERK_SECRET_KEY: verification via Clerk's JWKS when there is no `jwtKey`, and user look-ups. */
  readonly secretKey?: string | undefined;
  /** Origins a token's `azp` must be one of (ALLOWED_ORIGINS; `*` is ignored). */
  readonly authorizedParties: readonly string[];
  readonly users: Pick<UserStore, 'upsertExternal'>;
  /** Clerk's Backend API address; tests point it at a local stand-in. */
  readonly apiUrl?: string | undefined;
  /** Most known users kept in memory. */
  readonly cacheSize?: number;
}

/** The Clerk provider: it verifies a Clerk session token and knows its user. */
export interface ClerkProvider extends AuthProvider {
  readonly kind: 'clerk';
}

/**
 * Clerk session tokens verified with `@clerk/backend`'s `verifyToken` (networkless with a JWT key). A
 * user is upserted by Clerk user id the first time they are seen, with their provider and email read
 * from Clerk's Backend API when a secret key is configured (from the token's claims otherwise); known
 * users are then answered from memory.
 */
export function createClerkProvider(options: ClerkProviderOptions): ClerkProvider {
  const { jwtKey, secretKey, apiUrl, users } = options;
  if (!jwtKey && !secretKey) throw new Error('the Clerk provider needs CLERK_JWT_KEY or CLERK_SECRET_KEY');
  // verifyToken prefers the JWT key (networkless); an empty list of parties checks no azp.
  const authorizedParties = options.authorizedParties.filter((origin) => origin !== '*');
  const verifyOptions = { jwtKey, secretKey, authorizedParties, apiUrl };
  const client = secretKey ? createClerkClient({ secretKey, apiUrl, telemetry: { disabled: true } }) : null;
  const known = new LRUCache<string, Promise<string>>({ max: options.cacheSize ?? DEFAULT_CACHE_SIZE });

  const profileOf = async (
    clerkUserId: string,
    claims: Readonly<Record<string, unknown>>,
  ): Promise<ExternalProfile> => {
    if (!client) return profileFromClaims(claims);
    try {
      return profileFromClerkUser(await client.users.getUser(clerkUserId));
    } catch (error) {
      throw new ProviderUnavailableError({ cause: error });
    }
  };

  const userIdOf = (clerkUserId: string, claims: Readonly<Record<string, unknown>>): Promise<string> => {
    const cached = known.get(clerkUserId);
    if (cached) return cached;
    // The promise itself is cached, so concurrent first requests share one look-up; a failure is forgotten.
    const pending = profileOf(clerkUserId, claims)
      .then((profile) => users.upsertExternal({ externalId: clerkUserId, ...profile }))
      .then((user) => user.userId);
    known.set(clerkUserId, pending);
    pending.catch(() => known.delete(clerkUserId));
    return pending;
  };

  return {
    kind: 'clerk',
    async authenticate(token) {
      let claims: Awaited<ReturnType<typeof verifyToken>>;
      try {
        claims = await verifyToken(token, verifyOptions);
      } catch (error) {
        throw verificationFailure(error);
      }
      return { userId: await userIdOf(claims.sub, claims), sessionId: null };
    },
  };
}
