import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { AppConfig } from '@uksmr/config';

/** Clerk's hosted domains, allowed by the CSP only when Clerk is the sign-in provider. */
const CLERK_SOURCES = ['https://*.clerk.accounts.dev', 'https://*.clerk.com', 'https://challenges.cloudflare.com'];

/** Options of the security-headers plugin. */
export interface HelmetOptions {
  readonly config: AppConfig;
}

/**
 * Security headers: HSTS (two years, subdomains, preload) in production, `nosniff`, `X-Frame-Options: DENY`,
 * `Referrer-Policy`, `Permissions-Policy`, and a CSP that allows the app itself (and Clerk only when it is on).
 */
export default fp<HelmetOptions>(
  async (app, { config }) => {
    const clerk = config.authProvider === 'clerk' ? CLERK_SOURCES : [];
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...clerk],
          styleSrc: ["'self'", ...(clerk.length > 0 ? ["'unsafe-inline'"] : [])],
          imgSrc: ["'self'", 'data:', ...(clerk.length > 0 ? ['https://img.clerk.com'] : [])],
          connectSrc: ["'self'", ...clerk],
          frameSrc: clerk.length > 0 ? clerk : ["'none'"],
          workerSrc: ["'self'", 'blob:'],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.environmentMode === 'production' ? [] : null,
        },
      },
      hsts:
        config.environmentMode === 'production'
          ? { maxAge: 63_072_000, includeSubDomains: true, preload: true }
          : false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onSend', (_request, reply, payload, done) => {
      void reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
      done(null, payload);
    });
  },
  { name: 'helmet' },
);
