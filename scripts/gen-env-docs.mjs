// Writes .env.example and docs/environment-variables.md from the variable table in packages/config.
// Node 20 cannot run TypeScript, so this reads the built package: run `npm run build` (or
// `npx tsc -b packages/config/tsconfig.build.json`) first. packages/config/test/generated-docs.test.ts fails
// whenever the committed files differ from what this script writes.
import { writeFileSync } from 'node:fs';
import { renderEnvExample, renderEnvironmentDocs } from '@uksmr/config';

const root = new URL('../', import.meta.url);
const outputs = [
  ['.env.example', renderEnvExample()],
  ['docs/environment-variables.md', renderEnvironmentDocs()],
];
for (const [path, text] of outputs) {
  writeFileSync(new URL(path, root), text);
  console.log(`wrote ${path}`);
}
