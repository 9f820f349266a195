import { strykerScope } from './shared.mjs';

export default strykerScope({
  name: 'server-tokens',
  mutate: ['apps/server/src/domain/auth/tokens.ts', 'apps/server/src/domain/auth/refresh-tokens.ts'],
  vitestConfig: 'apps/server/vitest.config.ts',
  tsconfig: 'apps/server/tsconfig.json',
  testFiles: ['apps/server/test/auth-session-tokens.test.ts', 'apps/server/test/auth-refresh-tokens.test.ts'],
});
