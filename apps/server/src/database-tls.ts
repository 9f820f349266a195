/** Hosts a plaintext connection to which never leaves the machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * What is unsafe about the TLS of a production database connection, as a sentence for the operator; null when the
 * server's certificate is verified (`sslmode=verify-full` or `verify-ca`), or for embedded PostgreSQL or a loopback
 * server, where nothing crosses a network.
 */
export function databaseTlsProblem(databaseUrl: string | undefined, enableSupabase: boolean): string | null {
  if (databaseUrl === undefined) return null;
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return null;
  }
  if (LOOPBACK.has(url.hostname) || url.hostname === '') return null;
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode === 'verify-full' || sslmode === 'verify-ca') return null;
  const tls = enableSupabase || (sslmode !== null && sslmode !== 'disable') || url.searchParams.has('ssl');
  return tls
    ? "the database connection uses TLS without verifying the server's certificate: add sslmode=verify-full&sslrootcert=<CA file> to DATABASE_URL"
    : 'the database connection is not encrypted: use TLS with sslmode=verify-full&sslrootcert=<CA file> in DATABASE_URL';
}
