import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { createSemaphore } from './semaphore.js';

/** Cost parameters of scrypt. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

/** The parameters new hashes use: 2^15, 8, 1 (32 MiB, tens of milliseconds per hash). */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

/** Runs scrypt with enough `maxmem` for the parameters. */
function derive(password: string, salt: Buffer, keyLength: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Accepted ranges of stored parameters, so that a corrupt row cannot ask for unbounded work. */
function plausible({ N, r, p }: ScryptParams): boolean {
  return Number.isInteger(Math.log2(N)) && N >= 2 && N <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
}

/** A stored hash, parsed; null when it is not `scrypt$N$r$p$salt$hash` with sane values. */
function parse(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [, N, r, p, saltText, hashText] = parts;
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  const salt = Buffer.from(saltText, 'base64url');
  const hash = Buffer.from(hashText, 'base64url');
  if (!plausible(params) || salt.length === 0 || hash.length === 0 || hash.length > 64) return null;
  return { params, salt, hash };
}

/** Verifies and hashes passwords. */
export interface PasswordHasher {
  /** A new `scrypt$N$r$p$salt$hash` string (base64url salt and hash) with a fresh random salt. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `stored`, compared in constant time; false for a malformed `stored`. */
  verify(password: string, stored: string): Promise<boolean>;
  /**
   * A valid hash of a random password with the current parameters, made once: logins for an unknown
   * email verify against it so that they cost what a wrong password costs.
   */
  dummyHash(): Promise<string>;
}

/**
 * Hashes computed at once by default: one core fewer than the machine has (at least one), so that a flood of
 * sign-ins queues for hashing instead of taking every core from the requests of other users.
 */
export const DEFAULT_HASHES_IN_FLIGHT = Math.max(1, availableParallelism() - 1);

/**
 * Hashes that may wait for a slot; past that a sign-in is refused at once (SemaphoreFullError, a 503 with
 * Retry-After) instead of waiting behind a flood.
 */
export const MAX_HASHES_WAITING = 32;

/**
 * The scrypt password hasher (`node:crypto`), per-user salt, `timingSafeEqual` comparison, with at most
 * `hashesInFlight` derivations running at once.
 */
export function createPasswordHasher(
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
  hashesInFlight = DEFAULT_HASHES_IN_FLIGHT,
): PasswordHasher {
  const slots = createSemaphore(hashesInFlight, MAX_HASHES_WAITING);
  const bounded = (password: string, salt: Buffer, keyLength: number, with_: ScryptParams): Promise<Buffer> =>
    slots.run(() => derive(password, salt, keyLength, with_));
  let dummy: Promise<string> | undefined;
  const hash = async (password: string): Promise<string> => {
    const salt = randomBytes(SALT_BYTES);
    const key = await bounded(password, salt, KEY_BYTES, params);
    return [PREFIX, params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  };
  return {
    hash,
    async verify(password, stored) {
      const parsed = parse(stored);
      if (!parsed) return false;
      const key = await bounded(password, parsed.salt, parsed.hash.length, parsed.params);
      return timingSafeEqual(key, parsed.hash);
    },
    dummyHash() {
      dummy ??= hash(randomBytes(SALT_BYTES).toString('base64url'));
      return dummy;
    },
  };
}
