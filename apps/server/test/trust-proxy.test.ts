import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
});
afterAll(async () => {
  await database.close();
});

/** `GET /config` from socket address `from` with `X-Forwarded-For: forwarded` (when given). */
async function getConfig(t: TestApp, from: string, forwarded?: string): Promise<number> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/config',
    remoteAddress: from,
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  });
  return response.statusCode;
}

/** Eleven wrong passwords for one account, each with a different forged `X-Forwarded-For`. */
async function rotatedLogins(t: TestApp, from: string, forwarded: (i: number) => string): Promise<number[]> {
  const statuses = [];
  for (let i = 0; i < 11; i++) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      remoteAddress: from,
      headers: { 'x-forwarded-for': forwarded(i) },
      payload: { email: 'victim@example.com', password: `wrong-password-${i}` },
    });
    statuses.push(response.statusCode);
  }
  return statuses;
}

describe('TRUST_PROXY', () => {
  it('off (the default): a forged X-Forwarded-For changes nothing — rotating it still meets the limit', async () => {
    const t = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '3' });
    expect(t.config.trustProxy).toBe(false);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await getConfig(t, '198.51.100.7', `203.0.113.${i}`));
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Another socket address has its own budget.
    expect(await getConfig(t, '198.51.100.8', '198.51.100.7')).toBe(200);
    await t.close();
  });

  it('off: rotating X-Forwarded-For does not reset the sign-in budget of one account', async () => {
    const t = await buildTestApp(database);
    const statuses = await rotatedLogins(t, '198.51.100.9', (i) => `203.0.113.${i}`);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    await t.close();
  });

  it('a hop count: only the address the trusted proxy appended counts, not what the client wrote before it', async () => {
    const t = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '3', TRUST_PROXY: '1' });
    const proxy = '10.8.0.1';
    const statuses = [];
    // The client forges the first entries; Google's front end appends the real address (192.0.2.50).
    for (let i = 0; i < 4; i++) statuses.push(await getConfig(t, proxy, `203.0.113.${i}, 192.0.2.50`));
    expect(statuses).toEqual([200, 200, 200, 429]);
    // A different real client behind the same proxy has its own budget.
    expect(await getConfig(t, proxy, '203.0.113.1, 192.0.2.51')).toBe(200);
    const logins = await rotatedLogins(t, proxy, (i) => `203.0.113.${i}, 192.0.2.60`);
    expect(logins[10]).toBe(429);
    await t.close();
  });

  it('a list of addresses/CIDRs: the header is believed only from a listed proxy', async () => {
    const t = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '2', TRUST_PROXY: '10.0.0.0/8' });
    // From a listed proxy: each forwarded client is its own caller.
    expect([await getConfig(t, '10.1.2.3', '192.0.2.1'), await getConfig(t, '10.1.2.3', '192.0.2.1')]).toEqual([
      200, 200,
    ]);
    expect(await getConfig(t, '10.1.2.3', '192.0.2.1')).toBe(429);
    expect(await getConfig(t, '10.1.2.3', '192.0.2.2')).toBe(200);
    // From an address outside the list the header is ignored: rotating it does not help.
    const direct = [];
    for (let i = 0; i < 3; i++) direct.push(await getConfig(t, '198.51.100.20', `192.0.2.${100 + i}`));
    expect(direct).toEqual([200, 200, 429]);
    await t.close();
  });
});
