import { strykerScope } from './shared.mjs';

export default strykerScope({
  name: 'logging',
  mutate: ['packages/logging/src/**/*.ts'],
  vitestConfig: 'packages/logging/vitest.config.ts',
  tsconfig: 'packages/logging/tsconfig.json',
});
