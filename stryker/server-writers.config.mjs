import { strykerScope } from './shared.mjs';

export default strykerScope({
  name: 'server-writers',
  mutate: [
    'apps/server/src/domain/report/markdown.ts',
    'apps/server/src/domain/report/markdown-blocks.ts',
    'apps/server/src/domain/report/headings.ts',
    'apps/server/src/domain/report/validate.ts',
    'apps/server/src/domain/report/output-safety.ts',
    'apps/server/src/domain/writers/gemini/figure-check.ts',
  ],
  vitestConfig: 'apps/server/vitest.config.ts',
  tsconfig: 'apps/server/tsconfig.json',
  testFiles: [
    'apps/server/test/report-markdown*.test.ts',
    'apps/server/test/gemini-figure-check.test.ts',
    'apps/server/test/report-output-safety.test.ts',
  ],
});
