import type { Citation, ReportContent } from '../../../server/src/domain/report/types.js';

/** Public runtime settings from `GET /config`; one build serves every mode. */
export interface AppConfig {
  readonly environment: string;
  readonly auth_provider: 'local' | 'clerk';
  readonly clerk_publishable_key: string | null;
  readonly payments_enabled: boolean;
  readonly price_gbp: number;
  readonly country: 'UK';
  /** Who runs the service (OPERATOR_NAME, OPERATOR_CONTACT_EMAIL). */
  readonly operator: { readonly name: string; readonly contact_email: string | null };
  /** Who writes the reports: Gemini, or the built-in knowledge-base writer. */
  readonly writer: 'gemini' | 'knowledge_base';
}

/** The signed-in account as `POST /auth/signup` and `POST /auth/login` return it. */
export interface User {
  readonly user_id: string;
  readonly email: string;
}

/** A local session: the Bearer token and its account. */
export interface AuthResult {
  readonly token: string;
  readonly user: User;
}

/** A study level, as `POST /reports` and `POST /queries` take it. */
export type StudyLevel = 'undergraduate' | 'postgraduate_taught' | 'postgraduate_research';

/** What a report is written for (`Report.profile`); each part null when unknown. */
export interface ReportProfile {
  readonly level: StudyLevel | null;
  /** `YYYY-MM`, the month the course starts. */
  readonly intake: string | null;
  readonly city: string | null;
  readonly nationality: string | null;
}

/** The answers the chat collected, as the optional fields of `POST /reports` and `POST /queries`. */
export type ProfileAnswers = Partial<Record<'level' | 'intake' | 'city' | 'nationality', string>>;

/** A question still worth asking before the student pays (`POST /queries`). */
export interface QueryQuestion {
  readonly field: 'level' | 'intake' | 'city' | 'nationality';
  readonly prompt: string;
  /** Values to offer as chips; "Not sure" leaves the field unknown. */
  readonly options: readonly string[];
}

/** `POST /queries`: what a report on the student's words would be about, and what is still worth asking. */
export interface QueryReading extends ReportProfile {
  readonly subject: string;
  readonly subject_id: string | null;
  readonly coverage: 'detailed' | 'occupations' | 'general';
  readonly coverage_note: string;
  readonly questions: readonly QueryQuestion[];
}

/** A report's life-cycle state. */
export type ReportStatus = 'pending' | 'generating' | 'completed' | 'failed' | 'expired';

/** The wire shapes of a citation and of a completed report's content, shared with the server. */
export type { Citation, ReportContent } from '../../../server/src/domain/report/types.js';
/** A report as the API returns it. */
export interface Report {
  readonly report_id: string;
  readonly user_id: string;
  readonly subject: string;
  readonly country: 'UK';
  /** What the report was written for; absent from servers older than the profile. */
  readonly profile?: ReportProfile | null;
  readonly status: ReportStatus;
  readonly content: ReportContent | null;
  readonly citations: readonly Citation[] | null;
  readonly created_at: string;
  readonly completed_at: string | null;
  readonly expires_at: string;
  readonly error_message: string | null;
}

/** One page of `GET /reports`. */
export interface ReportList {
  readonly reports: readonly Report[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** What `POST /reports` answers: a report that is being written, or a Stripe Checkout to pay first. */
export type CreateReportResult =
  | { readonly kind: 'report'; readonly report: Report }
  | { readonly kind: 'checkout'; readonly checkout_url: string; readonly session_id: string };

/** A payment's state as `GET /payments/{session_id}` reports it. */
export interface PaymentState {
  readonly status: 'pending' | 'succeeded' | 'failed' | 'refunded';
  readonly report_id: string | null;
}

/** The error body every failed API response carries. */
export interface ErrorBody {
  readonly error: string;
  readonly code: string;
  readonly detail: string;
  readonly request_id: string;
}

/** One event of `GET /reports/{id}/stream`. */
export type ReportStreamEvent =
  | { readonly type: 'status'; readonly status: ReportStatus }
  | { readonly type: 'section'; readonly key: string; readonly title: string }
  | { readonly type: 'delta'; readonly key: string; readonly text: string }
  | { readonly type: 'complete'; readonly report: Report }
  | { readonly type: 'error'; readonly code: string; readonly detail: string };
