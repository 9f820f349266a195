import { strykerScope } from './shared.mjs';

export default strykerScope({
  name: 'server-fulfilment',
  mutate: ['apps/server/src/domain/payments/order.ts', 'apps/server/src/domain/payments/events.ts'],
  vitestConfig: 'apps/server/vitest.config.ts',
  tsconfig: 'apps/server/tsconfig.json',
  testFiles: ['apps/server/test/payments-events.test.ts', 'apps/server/test/payments-order.test.ts'],
});
