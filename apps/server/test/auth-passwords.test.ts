import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, createPasswordHasher } from '../src/domain/auth/password.js';

/** Cheap parameters, so that the format and comparison tests run fast. */
const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('costs 2^15, 8, 1 in production (tests build their apps with a cheaper hasher, never main.ts)', () => {
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ N: 2 ** 15, r: 8, p: 1 });
  });

  it('stores scrypt$N$r$p$salt$hash with the default cost and a fresh salt each time', async () => {
    const hasher = createPasswordHasher();
    const first = await hasher.hash('correct horse battery');
    const second = await hasher.hash('correct horse battery');
    const { N, r, p } = DEFAULT_SCRYPT_PARAMS;
    expect(first).toMatch(new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[\\w-]{22}\\$[\\w-]{43}$`));
    expect(first).not.toBe(second);
    expect(await hasher.verify('correct horse battery', first)).toBe(true);
    expect(await hasher.verify('correct horse battery', second)).toBe(true);
    expect(await hasher.verify('correct horse batterY', first)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, not the current ones', async () => {
    const old = await createPasswordHasher(FAST).hash('s3cret-pass');
    expect(old.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await createPasswordHasher().verify('s3cret-pass', old)).toBe(true);
  });

  it('treats differently composed Unicode of one password as the same password', async () => {
    const hasher = createPasswordHasher(FAST);
    const stored = await hasher.hash('caf\u00e9 au lait');
    expect(await hasher.verify('cafe\u0301 au lait', stored)).toBe(true);
  });

  it.each([
    ['another scheme', 'bcrypt$1024$8$1$c2FsdA$aGFzaA'],
    ['too few parts', 'scrypt$1024$8$1$c2FsdA'],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdA$aGFzaA'],
    ['N too large', `scrypt$${2 ** 21}$8$1$c2FsdA$aGFzaA`],
    ['r out of range', 'scrypt$1024$0$1$c2FsdA$aGFzaA'],
    ['p out of range', 'scrypt$1024$8$99$c2FsdA$aGFzaA'],
    ['no salt', 'scrypt$1024$8$1$$aGFzaA'],
    ['no hash', 'scrypt$1024$8$1$c2FsdA$'],
    ['a hash longer than 64 bytes', `scrypt$1024$8$1$c2FsdA$${'A'.repeat(100)}`],
    ['nothing', ''],
  ])('refuses a stored value with %s', async (_case, stored) => {
    expect(await createPasswordHasher(FAST).verify('whatever-password', stored)).toBe(false);
  });

  it('makes one dummy hash, valid and matching no password a person would type', async () => {
    const hasher = createPasswordHasher(FAST);
    const dummy = await hasher.dummyHash();
    expect(await hasher.dummyHash()).toBe(dummy);
    expect(dummy.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await hasher.verify('', dummy)).toBe(false);
    expect(await hasher.verify('password', dummy)).toBe(false);
  });
});
