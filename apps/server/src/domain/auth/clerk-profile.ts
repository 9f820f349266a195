import type { AuthProviderKind } from '@uksmr/database';
import { normaliseEmail } from './email.js';

/** How an external (Clerk) user signed in, and their email, as stored on first sight. */
export interface ExternalProfile {
  readonly authProvider: Exclude<AuthProviderKind, 'local'>;
  readonly email: string | null;
}

const OAUTH_PROVIDERS: Readonly<Record<string, ExternalProfile['authProvider']>> = {
  oauth_google: 'google',
  oauth_apple: 'apple',
  oauth_facebook: 'facebook',
};
const KINDS: ReadonlySet<string> = new Set(['google', 'apple', 'facebook', 'email']);

/**
 * Our provider kind for a provider name: Clerk's `oauth_google` → google, `oauth_apple` → apple,
 * `oauth_facebook` → facebook; our own names as they are; anything else (or nothing) → email.
 */
export function providerKind(name: string | undefined): ExternalProfile['authProvider'] {
  if (name === undefined) return 'email';
  if (KINDS.has(name)) return name as ExternalProfile['authProvider'];
  return OAUTH_PROVIDERS[name] ?? 'email';
}

/** The parts of a Clerk Backend API user that the profile is read from. */
export interface ClerkUserLike {
  readonly externalAccounts: readonly { readonly provider: string }[];
  readonly primaryEmailAddress: { readonly emailAddress: string } | null;
  readonly emailAddresses: readonly { readonly emailAddress: string }[];
}

/** The profile of a user fetched from Clerk's Backend API. */
export function profileFromClerkUser(user: ClerkUserLike): ExternalProfile {
  const email = user.primaryEmailAddress?.emailAddress ?? user.emailAddresses[0]?.emailAddress;
  return {
    authProvider: providerKind(user.externalAccounts[0]?.provider),
    email: email ? normaliseEmail(email) : null,
  };
}

/**
 * The profile from a verified token's claims alone (no CLERK_SECRET_KEY): custom `email` and
 * `auth_provider` claims (`google` or `oauth_google`, …) when a session-token template adds them, else email.
 */
export function profileFromClaims(claims: Readonly<Record<string, unknown>>): ExternalProfile {
  const { email, auth_provider: provider } = claims;
  const authProvider = providerKind(typeof provider === 'string' ? provider : undefined);
  return { authProvider, email: typeof email === 'string' && email.includes('@') ? normaliseEmail(email) : null };
}
