// Copies what the server needs at run time into DEST, the one list shared by docs/deployment/Dockerfile and
// scripts/quickstart-check.sh: the root manifest and lock, every workspace's package.json (npm ci checks them
// against the lock) and built dist/, the migrations, the knowledge base and the built web app. Then
// `npm ci --omit=dev` in DEST installs the production dependencies. Run after `npm run build`.
// Usage: node scripts/pack-runtime.mjs DEST
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Run-time files outside the workspaces' dist/ folders, read by the server through paths relative to its code. */
const RUNTIME_FOLDERS = ['packages/database/migrations', 'apps/server/data'];

const dest = process.argv[2];
if (!dest) throw new Error('usage: node scripts/pack-runtime.mjs DEST');

/** @type {unknown} */
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const workspaces =
  typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest && Array.isArray(manifest.workspaces)
    ? manifest.workspaces.map(String)
    : [];

/** @param {string} path a path relative to the repository */
function copy(path) {
  const from = join(root, path);
  if (!existsSync(from)) throw new Error(`${path} is missing: run npm run build first`);
  mkdirSync(dirname(join(dest, path)), { recursive: true });
  cpSync(from, join(dest, path), { recursive: true, filter: (source) => !source.endsWith('.tsbuildinfo') });
}

copy('package.json');
copy('package-lock.json');
for (const workspace of workspaces) {
  copy(`${workspace}/package.json`);
  // Every workspace the server loads is built to dist/ (the web app too: the server serves apps/web/dist).
  copy(`${workspace}/dist`);
}
RUNTIME_FOLDERS.forEach(copy);
console.log(`packed ${workspaces.length} workspaces and ${RUNTIME_FOLDERS.length} run-time folders into ${dest}`);
