/** A verified caller. */
export interface Caller {
  /** The user's id in this app's database. */
  readonly userId: string;
  /** The revocable local session, or null for providers whose sessions live elsewhere (Clerk). */
  readonly sessionId: string | null;
}

/** Turns a Bearer token into a caller. */
export interface AuthProvider {
  /** Which AUTH_PROVIDER this is. */
  readonly kind: 'local' | 'clerk';
  /**
   * The caller a token identifies. Throws TokenRejectedError for a token that does not identify one,
   * ProviderUnavailableError when the provider could not be asked about a verified user.
   */
  authenticate(token: string): Promise<Caller>;
}
