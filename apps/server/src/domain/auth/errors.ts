/**
 * Failures of sign-in, free of HTTP: the auth plugin and routes turn them into responses, and log their
 * machine-readable reasons.
 */

/** A Bearer token that does not identify a signed-in caller. `reason` is for logs, never for the caller. */
export class TokenRejectedError extends Error {
  /**
   * @param reason why: jose's error code (`ERR_JWT_EXPIRED`, …) for local tokens, Clerk's
   *   `TokenVerificationError.reason` (`token-expired`, …) for Clerk tokens, or `session-revoked`.
   */
  constructor(readonly reason: string) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenRejectedError';
  }
}

/** Signup with an email that already has an account. */
export class EmailTakenError extends Error {
  constructor() {
    super('email already registered');
    this.name = 'EmailTakenError';
  }
}

/** Why a login failed; the caller is told the same thing in both cases. */
export type LoginFailureReason = 'unknown-email' | 'wrong-password';

/** Login with an unknown email or a wrong password. */
export class InvalidCredentialsError extends Error {
  /** @param reason which of the two it was (for logs only). */
  constructor(readonly reason: LoginFailureReason) {
    super(`invalid credentials: ${reason}`);
    this.name = 'InvalidCredentialsError';
  }
}

/** The identity provider could not be reached to describe a verified user (Clerk's Backend API). */
export class ProviderUnavailableError extends Error {
  constructor(options?: ErrorOptions) {
    super('identity provider unavailable', options);
    this.name = 'ProviderUnavailableError';
  }
}
