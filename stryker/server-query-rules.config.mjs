import { strykerScope } from './shared.mjs';

export default strykerScope({
  name: 'server-query-rules',
  mutate: ['apps/server/src/domain/query-rules/**/*.ts'],
  vitestConfig: 'apps/server/vitest.config.ts',
  tsconfig: 'stryker/tsconfig.server-query-rules.json',
  testFiles: ['apps/server/test/query-rules*.test.ts'],
});
