import { strykerScope } from './shared.mjs';

export default strykerScope({
  name: 'server-timeline',
  mutate: ['apps/server/src/domain/timeline/**/*.ts'],
  vitestConfig: 'apps/server/vitest.config.ts',
  tsconfig: 'stryker/tsconfig.server-timeline.json',
  testFiles: ['apps/server/test/timeline.test.ts', 'apps/server/test/timeline-edges.test.ts'],
});
