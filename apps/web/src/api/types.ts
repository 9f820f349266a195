/**
 * The API's wire shapes as the web app uses them: the types inferred from `@uksmr/contract`'s schemas (type-only
 * imports, so no schema code reaches the bundle), and the app's own result of `POST /reports`.
 */
import type { Checkout, Report } from '@uksmr/contract';

export type {
  AuthResult,
  Citation,
  ErrorBody,
  LightReport,
  PaymentState,
  PublicConfig as AppConfig,
  QueryQuestion,
  QueryReading,
  Report,
  ReportContent,
  ReportList,
  ReportProfile,
  ReportStatus,
  ReportStreamEvent,
  StudyLevel,
  User,
} from '@uksmr/contract';

/** The answers the chat collected, as the optional fields of `POST /reports` and `POST /queries`. */
export type ProfileAnswers = Partial<Record<'level' | 'intake' | 'city' | 'nationality', string>>;

/** What `POST /reports` answers: a report that is being written, or a Stripe Checkout to pay first. */
export type CreateReportResult =
  { readonly kind: 'report'; readonly report: Report } | ({ readonly kind: 'checkout' } & Checkout);
