/**
 * `BENCH_PROFILE=1 npm run bench -- profile`: a CPU profile of the server's request path under load. The server runs
 * in this process (PGlite, or PostgreSQL with BENCH_DATABASE_URL) and autocannon in a child process, so that the
 * profile holds only the server's work. Prints self time by area and the costliest functions, and writes the
 * `.cpuprofile` (open it in Chrome DevTools) to `bench/output/`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import { startServerUnderTest } from '../e2e/support/server.js';
import { startCpuProfile } from './support/cpu-profile.js';
import { signUp, timeReport } from './support/report-timing.js';
import { runPool } from './support/stats.js';
import { renderTable } from './support/table.js';

const SUBJECTS = ['Computer Science', 'Nursing', 'MSc Data Science', 'Law', 'Pharmacy'];

/** Runs the autocannon command line against `url` (50 connections, `seconds`), in its own process. */
function loadFromChild(url: string, token: string, seconds: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        new URL('../node_modules/autocannon/autocannon.js', import.meta.url).pathname,
        '-c',
        '50',
        '-d',
        String(seconds),
        '-H',
        `authorization=Bearer ${token}`,
        url,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`autocannon exited ${code}`))));
  });
}

describe.runIf(process.env.BENCH_PROFILE === '1')('CPU profile of the request path', () => {
  test('GET /reports and GET /reports/{id} under load', async () => {
    const server = await startServerUnderTest({
      env: {
        REPORTS_PER_USER_PER_DAY: '10000',
        RATE_LIMIT_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
      },
    });
    try {
      const token = await signUp(server.url, `bench-profile-${Date.now()}@example.com`);
      const reports = await runPool(25, 5, (i) => timeReport(server.url, token, SUBJECTS[i % SUBJECTS.length]));
      const output = new URL('./output/', import.meta.url);
      mkdirSync(output, { recursive: true });
      for (const [label, path] of [
        ['list', '/reports?limit=20'],
        ['list-full', '/reports?limit=20&view=full'],
        ['report', `/reports/${reports[0].reportId}`],
      ] as const) {
        const stop = await startCpuProfile();
        await loadFromChild(`${server.url}${path}`, token, 5);
        const { areas, functions, profile } = await stop();
        writeFileSync(new URL(`${label}.cpuprofile`, output), JSON.stringify(profile));
        console.log(`\nGET ${path}: self time by area (5 s at 50 connections)`);
        console.log(
          renderTable(
            ['area', 'ms', '%'],
            areas.slice(0, 15).map((a) => [a.name, a.ms, a.percent]),
          ),
        );
        console.log('Costliest functions (self time):');
        console.log(
          renderTable(
            ['function', 'ms', '%'],
            functions.slice(0, 15).map((f) => [f.name, f.ms, f.percent]),
          ),
        );
      }
    } finally {
      await server.stop();
    }
  });
});
