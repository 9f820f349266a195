import { strykerScope } from './shared.mjs';

export default strykerScope({
  name: 'config',
  mutate: ['packages/config/src/**/*.ts'],
  vitestConfig: 'packages/config/vitest.config.ts',
  tsconfig: 'packages/config/tsconfig.json',
});
