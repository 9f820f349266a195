import Stripe from 'stripe';

/** Longest one Stripe call may take before the SDK gives up (its default is 80 s; a student is waiting). */
export const STRIPE_TIMEOUT_MS = 20_000;

/** Where the SDK sends its calls when `STRIPE_API_BASE` overrides Stripe's own address. */
export interface StripeAddress {
  readonly host: string;
  readonly port: number;
  readonly protocol: 'http' | 'https';
}

/** The SDK's `host`/`port`/`protocol` for an `http://` or `https://` base URL (its path is not used). */
export function stripeAddress(apiBase: string): StripeAddress {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}

/** Options of {@link createStripeClient}. */
export interface StripeClientOptions {
  /** `STRIPE_SECRET_KEY`. */
  readonly secretKey: string;
  /** `STRIPE_API_BASE`; unset: Stripe's own address. */
  readonly apiBase?: string | undefined;
}

/** The official Stripe client, pointed at `apiBase` when one is given (tests, local emulators). */
export function createStripeClient({ secretKey, apiBase }: StripeClientOptions): Stripe {
  return new Stripe(secretKey, {
    timeout: STRIPE_TIMEOUT_MS,
    appInfo: { name: 'uk-study-migration-research' },
    ...(apiBase ? stripeAddress(apiBase) : {}),
  });
}
