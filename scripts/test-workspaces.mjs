#!/usr/bin/env node
// Runs one npm script (`test` or `test:coverage`) in every workspace, in two lanes at once: the server (the
// longest suite) in one, the packages and the web app one after another in the other. No two workspaces share a
// database (each test file opens its own PGlite copy or throwaway PostgreSQL database), so the lanes cannot meet.
// The other workspaces' vitest runs keep to one worker (vitest's default on two cores); the server's gets two, so
// when the second lane is done (in about half the server's time) both cores work on the server until the end.
// Each workspace's output is printed whole when it ends, so the two lanes never interleave line by line.
// Usage: node scripts/test-workspaces.mjs [script]   (default `test`); exits 1 when any workspace failed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const script = process.argv[2] ?? 'test';
/** The root package.json's workspaces, in its order (a new workspace joins the second lane by itself). */
/** @type {unknown} */
const rootPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const workspaces = /** @type {{ workspaces: string[] }} */ (rootPackage).workspaces;
const SERVER = 'apps/server';
const lanes = [workspaces.filter((w) => w === SERVER), workspaces.filter((w) => w !== SERVER)];
/** Arguments passed on to a workspace's vitest. @type {Record<string, string[]>} */
const EXTRA = { [SERVER]: ['--', '--maxWorkers=2'] };

/** @typedef {{ workspace: string, code: number, seconds: string }} Result */

/**
 * Runs `npm run <script> -w <workspace>`, buffering its output; resolves with its exit code and seconds.
 * @param {string} workspace
 * @returns {Promise<Result>}
 */
function run(workspace) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script, '--if-present', '-w', workspace, ...(EXTRA[workspace] ?? [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    /** @type {Buffer[]} */
    const chunks = [];
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
    child.stderr.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n===== ${workspace}: npm run ${script} (${seconds} s, exit ${code}) =====\n`);
      process.stdout.write(Buffer.concat(chunks));
      resolve({ workspace, code: code ?? 1, seconds });
    });
  });
}

/**
 * Runs the workspaces of one lane one after another.
 * @param {string[]} workspaces
 * @returns {Promise<Result[]>}
 */
async function lane(workspaces) {
  /** @type {Result[]} */
  const results = [];
  for (const workspace of workspaces) results.push(await run(workspace));
  return results;
}

const results = (await Promise.all(lanes.map(lane))).flat();
const failed = results.filter((r) => r.code !== 0);
process.stdout.write(
  `\n===== ${script}: ${results.map((r) => `${r.workspace} ${r.code === 0 ? 'ok' : 'FAILED'} ${r.seconds} s`).join(', ')} =====\n`,
);
process.exit(failed.length > 0 ? 1 : 0);
