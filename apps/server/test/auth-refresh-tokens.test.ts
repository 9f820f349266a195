import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RefreshTokens } from '../src/domain/auth/refresh-tokens.js';

const SECRET = 'refresh-secret-refresh-secret-refresh-01';
const SESSION = '0d5f8d8e-8f5b-4f7e-a4f3-7b8b1c2d3e4f';

/** The MAC the token format documents: HMAC-SHA256 under a key derived from AUTH_SECRET, base64url. */
function expectedMac(body: string, secret = SECRET): string {
  const key = createHmac('sha256', secret).update('uksmr refresh-cookie v1').digest();
  return createHmac('sha256', key).update(body).digest('base64url');
}

/** The module imported afresh, so that its module-level pattern is evaluated within this run (Stryker re-runs
 * this file for each mutant without reloading modules otherwise). */
async function freshModule() {
  vi.resetModules();
  return import('../src/domain/auth/refresh-tokens.js');
}

describe('refresh tokens', () => {
  let createRefreshTokens: (secret: string) => RefreshTokens;
  let tokens: RefreshTokens;
  beforeAll(async () => {
    ({ createRefreshTokens } = await freshModule());
    tokens = createRefreshTokens(SECRET);
  });

  it('signs `<session id>.<generation>.<mac>` with the derived key, and reads it back', () => {
    const token = tokens.sign({ sessionId: SESSION, generation: 3 });
    expect(token).toBe(`${SESSION}.3.${expectedMac(`${SESSION}.3`)}`);
    expect(tokens.read(token)).toEqual({ sessionId: SESSION, generation: 3 });
  });

  it('reads the generation as a number, up to nine digits', () => {
    const claims = tokens.read(tokens.sign({ sessionId: SESSION, generation: 987_654_321 }));
    expect(claims).toEqual({ sessionId: SESSION, generation: 987_654_321 });
    expect(typeof claims?.generation).toBe('number');
    expect(tokens.read(tokens.sign({ sessionId: SESSION, generation: 1_000_000_000 }))).toBeNull();
  });

  it('does not take the access tokens’ key: a MAC under AUTH_SECRET itself is refused', () => {
    const body = `${SESSION}.1`;
    const underSecret = createHmac('sha256', SECRET).update(body).digest('base64url');
    expect(tokens.read(`${body}.${underSecret}`)).toBeNull();
  });

  it('refuses a token of another secret', () => {
    const other = createRefreshTokens('another-secret-another-secret-another-0');
    expect(tokens.read(other.sign({ sessionId: SESSION, generation: 1 }))).toBeNull();
  });

  it.each([
    ['a changed generation', (token: string) => token.replace(`${SESSION}.4.`, `${SESSION}.5.`)],
    ['a changed session id', (token: string) => token.replace(SESSION.slice(0, 8), '11111111')],
    ['a changed MAC', (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`],
    ['a truncated MAC', (token: string) => token.slice(0, -1)],
    ['a longer MAC', (token: string) => `${token}A`],
    ['text before it', (token: string) => `x${token}`],
    ['text after it', (token: string) => `${token}.x`],
    ['a negative generation', (token: string) => token.replace(`${SESSION}.4.`, `${SESSION}.-4.`)],
    ['an empty generation', (token: string) => token.replace(`${SESSION}.4.`, `${SESSION}..`)],
    ['a session id that is not a UUID', (token: string) => token.replace(SESSION, 'Z'.repeat(36))],
    ['a short session id', (token: string) => token.replace(SESSION, SESSION.slice(1))],
    ['nothing at all', () => ''],
  ])('refuses %s', (_case, change) => {
    const token = tokens.sign({ sessionId: SESSION, generation: 4 });
    expect(tokens.read(change(token))).toBeNull();
  });

  it('accepts the MAC alphabet of base64url only (`-` and `_`, never `+` or `/`)', () => {
    // Find tokens whose MAC holds `-` or `_`, then put the standard-base64 twin in its place.
    let checked = 0;
    for (let generation = 0; generation < 200 && checked < 4; generation++) {
      const token = tokens.sign({ sessionId: SESSION, generation });
      if (!/[-_]/.test(token.split('.')[2])) continue;
      checked += 1;
      expect(tokens.read(token)).toEqual({ sessionId: SESSION, generation });
      const [sid, gen, mac] = token.split('.');
      expect(tokens.read(`${sid}.${gen}.${mac.replaceAll('-', '+').replaceAll('_', '/')}`)).toBeNull();
    }
    expect(checked).toBe(4);
  });
});
