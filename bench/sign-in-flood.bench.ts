/**
 * Sign-in flood: another user's `GET /reports` p50 while 240 logins with random emails arrive at once (each one
 * costs a password hash), beside the same figure with the server idle. The rate limit is off, so every login
 * reaches the hasher (as a distributed attacker's would); the target is within 2× of idle. Prints a table and
 * writes `bench/output/sign-in-flood.json`; asserts nothing about timing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { test } from 'vitest';
import { startServerUnderTest } from '../e2e/support/server.js';
import { signUp } from './support/report-timing.js';
import { summarise, type Summary } from './support/stats.js';
import { ms, renderTable } from './support/table.js';

const FLOOD_LOGINS = 240;
const IDLE_SAMPLES = 40;

/** Times one `GET /reports` for `token`. */
async function timedList(url: string, token: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/reports`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET /reports: HTTP ${response.status}`);
  return performance.now() - started;
}

test('GET /reports for another user during a 240-login flood', async () => {
  const server = await startServerUnderTest({ env: { RATE_LIMIT_ENABLED: 'false', LOG_LEVEL: 'warn' } });
  try {
    const token = await signUp(server.url, `flood-bystander-${Date.now()}@example.com`);
    for (let i = 0; i < 5; i++) await timedList(server.url, token);
    const idle: number[] = [];
    for (let i = 0; i < IDLE_SAMPLES; i++) idle.push(await timedList(server.url, token));

    let flooding = true;
    const started = performance.now();
    const flood = Promise.all(
      Array.from({ length: FLOOD_LOGINS }, (_, i) =>
        fetch(`${server.url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: `flood-${i}-${Math.random().toString(36).slice(2)}@example.com`,
            password: 'not-the-password',
          }),
        }).then((response) => response.arrayBuffer()),
      ),
    ).finally(() => {
      flooding = false;
    });
    const during: number[] = [];
    while (flooding) during.push(await timedList(server.url, token));
    await flood;
    const floodMs = performance.now() - started;

    const idleSummary: Summary = summarise(idle);
    const duringSummary: Summary = summarise(during);
    const ratio = duringSummary.p50 / idleSummary.p50;
    process.stdout.write(
      `\nGET /reports for another user, ${FLOOD_LOGINS} logins at once (flood took ${ms(floodMs)} ms)\n` +
        renderTable(
          ['when', 'count', 'p50', 'p95', 'max'],
          [
            ['idle', String(idleSummary.count), ms(idleSummary.p50), ms(idleSummary.p95), ms(idleSummary.max)],
            ['during flood', duringSummary.count, ms(duringSummary.p50), ms(duringSummary.p95), ms(duringSummary.max)],
          ],
        ) +
        `\np50 during / idle: ${ratio.toFixed(2)}× (target ≤ 2×)\n`,
    );
    mkdirSync(new URL('output/', import.meta.url), { recursive: true });
    writeFileSync(
      new URL('output/sign-in-flood.json', import.meta.url),
      JSON.stringify({ floodLogins: FLOOD_LOGINS, floodMs, idle: idleSummary, during: duringSummary, ratio }, null, 2),
    );
  } finally {
    await server.stop();
  }
});
