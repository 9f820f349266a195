import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';

/** The origin Clerk tokens are issued for in tests (ALLOWED_ORIGINS' default). */
export const TEST_ORIGIN = 'http://localhost:3000';
/** The issuer of test Clerk tokens (a Clerk Frontend API address). */
export const TEST_ISSUER = 'https://clerk.test.example';

/** The claims of a Clerk session token. */
export interface ClerkClaims {
  sub: string;
  sid: string;
  azp: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  [claim: string]: unknown;
}

/** A locally generated Clerk-like signing key. */
export interface ClerkKeys {
  /** The public key as CLERK_JWT_KEY takes it (PEM, SPKI). */
  readonly publicKeyPem: string;
  /** The public key as Clerk's `/v1/jwks` lists it (with the `kid` tokens carry in their header). */
  readonly publicJwk: JWK;
  /**
   * An RS256 session token like Clerk's: `sub`, `sid`, `azp`, `iss`, `iat`, `nbf` and `exp` (valid from a
   * few seconds ago for a minute), each overridable; `undefined` drops a claim.
   */
  sign(overrides?: Partial<Record<keyof ClerkClaims, unknown>>): Promise<string>;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A fresh RSA-2048 key pair (Clerk's kind of key) and a signer of Clerk-like session tokens. */
export async function clerkKeys(): Promise<ClerkKeys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const kid = `ins_${randomUUID().replaceAll('-', '')}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return {
    publicKeyPem: await exportSPKI(publicKey),
    publicJwk,
    sign(overrides = {}) {
      const now = nowSeconds();
      const claims: Record<string, unknown> = {
        sub: `user_${randomUUID().replaceAll('-', '')}`,
        sid: `sess_${randomUUID().replaceAll('-', '')}`,
        azp: TEST_ORIGIN,
        iss: TEST_ISSUER,
        iat: now - 5,
        nbf: now - 5,
        exp: now + 60,
        ...overrides,
      };
      for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
    },
  };
}
