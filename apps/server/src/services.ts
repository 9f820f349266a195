import type { Redis } from 'ioredis';
import type { Database } from '@uksmr/database';
import type { FeatureFlags } from '@uksmr/feature-flags';
import type { AppLogger } from '@uksmr/logging';
import type { AnswerWriter } from './domain/follow-ups/types.js';
import type { ReportWriter } from './domain/report/types.js';

/** The running services the HTTP app is built on; `main.ts` creates them, tests create their own. */
export interface AppServices {
  readonly logger: AppLogger;
  readonly database: Database;
  readonly flags: FeatureFlags;
  /** Shared rate-limit store when REDIS_URL is set. */
  readonly redis?: Redis;
  /** "Now", injectable for retention and plan-date tests. */
  readonly clock?: () => Date;
  /** The report writer; by default chosen from the config (Gemini or the knowledge-base writer). */
  readonly writer?: ReportWriter;
  /** The follow-up answer writer; by default chosen from the config like the report writer. */
  readonly answerWriter?: AnswerWriter;
  /** Where the built web app lives; by default `apps/web/dist`. */
  readonly webRoot?: string;
}
