import { strykerScope } from './shared.mjs';

// Every run of a test file starts its own in-memory PGlite (seconds each): the slowest scope, run last.
export default strykerScope({
  name: 'database',
  mutate: ['packages/database/src/**/*.ts'],
  vitestConfig: 'packages/database/vitest.config.ts',
  tsconfig: 'packages/database/tsconfig.json',
});
