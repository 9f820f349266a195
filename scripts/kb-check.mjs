// Prints what an operator should refresh in the knowledge base (apps/server/data/knowledge-base/): facts and
// sources older than --max-age-days (default 180), sources whose text was never checked, dated changes that have
// passed since the data's as_of, and occupations without a cross-check. Node 20 cannot run TypeScript, so this
// reads the built server: `npm run kb:check` builds it first. Example: npm run kb:check -- --max-age-days 90
import {
  checkFreshness,
  formatFreshness,
  freshnessOptions,
} from '../apps/server/dist/domain/knowledge-base/freshness.js';
import { loadKnowledgeBase } from '../apps/server/dist/domain/knowledge-base/load.js';

try {
  const { today, maxAgeDays } = freshnessOptions(process.argv.slice(2), new Date());
  console.log(formatFreshness(checkFreshness(loadKnowledgeBase(), today, maxAgeDays)));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
