/** @uksmr/database: PostgreSQL over PGlite or pg, forward-only migrations, and the repositories. */
export { createDatabase } from './create-database.js';
export { DatabaseUnavailableError } from './errors.js';
export { migrate, MIGRATION_LOCK_KEY, type MigrateOptions } from './migrate.js';
export { createRepositories, type Repositories } from './repositories/index.js';
export { withinDailyCap, type DailyCap } from './repositories/daily-cap.js';
export type { PaymentsRepository } from './repositories/payments.js';
export { REPORT_EVENTS_CHANNEL, type ReportChangeNotice, type ReportEventNotice, type SessionRevokedNotice, type ReportEventsRepository } from './repositories/report-events.js';
export type { ListOptions, NewReport, ReadOptions, ReportResult, ReportsRepository } from './repositories/reports.js';
export type { RefreshOutcome, SessionsRepository } from './repositories/sessions.js';
export type { StripeEventsRepository } from './repositories/stripe-events.js';
export type { UsersRepository } from './repositories/users.js';
export type * from './types.js';
