import { strykerScope } from './shared.mjs';

// The fulfilment's database side: one PGlite database per run of its test file.
export default strykerScope({
  name: 'server-ledger',
  mutate: ['apps/server/src/domain/payments/ledger.ts'],
  vitestConfig: 'apps/server/vitest.config.ts',
  tsconfig: 'apps/server/tsconfig.json',
  testFiles: ['apps/server/test/payments-ledger.test.ts'],
});
