import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds the web app (`npm run build`) when `apps/web/dist` is missing: the server serves it at `/`. */
export default function setup(): void {
  if (existsSync(`${ROOT}apps/web/dist/index.html`)) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
