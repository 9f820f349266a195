/** @uksmr/database: PostgreSQL over PGlite or pg, forward-only migrations, and the repositories. */
export { createDatabase } from './create-database.js';
export { DatabaseUnavailableError } from './errors.js';
export { migrate, MIGRATION_LOCK_KEY, type MigrateOptions } from './migrate.js';
export { createPgliteSnapshot } from './snapshot.js';
export { createRepositories, type Repositories } from './repositories/index.js';
export { withinDailyCap, type DailyCap } from './repositories/daily-cap.js';
export type { PaymentsRepository } from './repositories/payments.js';
export {
  askWithinLimit,
  type AnswerResult,
  type AskOutcome,
  type NewQuestion,
  type QuestionsRepository,
} from './repositories/questions.js';
export {
  REPORT_EVENTS_CHANNEL,
  type QuestionEventsRepository,
  type ReportChangeNotice,
  type ReportEventNotice,
  type ReportEventsRepository,
  type SessionRevokedNotice,
  type StreamEventsRepository,
} from './repositories/report-events.js';
export type { ListOptions, NewReport, ReadOptions, ReportResult, ReportsRepository } from './repositories/reports.js';
export type { RefreshOutcome, SessionsRepository } from './repositories/sessions.js';
export type { StripeEventsRepository } from './repositories/stripe-events.js';
export type { UsersRepository } from './repositories/users.js';
export type * from './types.js';
