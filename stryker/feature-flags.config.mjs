import { strykerScope } from './shared.mjs';

export default strykerScope({
  name: 'feature-flags',
  mutate: ['packages/feature-flags/src/**/*.ts'],
  vitestConfig: 'packages/feature-flags/vitest.config.ts',
  tsconfig: 'packages/feature-flags/tsconfig.json',
});
