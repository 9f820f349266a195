/**
 * The contract's enumerations and limits as plain constants (no Zod here), so a bundle that needs only these values
 * (the web app) never carries the schema library.
 */

/** The three study levels a report can be written for (`level`). */
export const STUDY_LEVELS = ['undergraduate', 'postgraduate_taught', 'postgraduate_research'] as const;

/** A study level: a bachelor's degree, a taught master's (or PGCE), or a research degree (PhD, MPhil, MRes). */
export type StudyLevel = (typeof STUDY_LEVELS)[number];

/** The nationalities the app is written for (`nationality`, ISO 3166-1 alpha-2). */
export const NATIONALITIES = ['IN', 'PK', 'BD', 'LK', 'NP'] as const;

/** One of the five nationalities the app is written for. */
export type Nationality = (typeof NATIONALITIES)[number];

/** A report's life-cycle states (`Report.status`). */
export const REPORT_STATUSES = ['pending', 'generating', 'completed', 'failed', 'expired'] as const;

/** A report's life-cycle state. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** How deep the knowledge base goes for a subject (`POST /queries` → `coverage`). */
export const COVERAGE_LEVELS = ['detailed', 'occupations', 'general'] as const;

/** One of the coverage levels. */
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

/** The profile fields `POST /queries` may still ask about (`questions[].field`). */
export const QUESTION_FIELDS = ['intake', 'level', 'city'] as const;

/** A profile field the chat may ask about. */
export type QuestionField = (typeof QUESTION_FIELDS)[number];

/** A payment's states (`GET /payments/{session_id}` → `status`). */
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;

/** A payment's state. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The event names of `GET /reports/{report_id}/stream`, in the order a generation sends them. */
export const STREAM_EVENT_NAMES = ['status', 'section', 'delta', 'complete', 'error'] as const;

/** One event name of the report stream. */
export type StreamEventName = (typeof STREAM_EVENT_NAMES)[number];

/** The `code` of a stream `error` event when generation failed. */
export const GENERATION_FAILED = 'GENERATION_FAILED';

/** The `code` of a stream `error` event when the connection to the report broke. */
export const STREAM_FAILED = 'STREAM_FAILED';

/** The longest subject (`POST /reports` → `subject`, `POST /queries` → `text`) in characters: the contract's 1–200. */
export const SUBJECT_MAX_LENGTH = 200;

/** English month names, January first: the wire's `YYYY-MM` intakes in words, on the server and in the web app. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Longest follow-up question, in characters (after trimming). */
export const QUESTION_MAX_LENGTH = 500;

/**
 * Machine codes of the contract's error shape (`code`), the contract's own and the project's additions (each one
 * documented in the OpenAPI document where a route answers it).
 */
export const ERROR_CODES = [
  'VALIDATION_ERROR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'UK_ONLY',
  'MULTIPLE_SUBJECTS',
  'MULTIPLE_COUNTRIES',
  'NOT_A_SUBJECT',
  'RATE_LIMITED',
  'DAILY_LIMIT_REACHED',
  'FOLLOW_UP_LIMIT_REACHED',
  'REPORT_NOT_COMPLETED',
  'OFF_TOPIC',
  'INVALID_SIGNATURE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYMENT_PROVIDER_ERROR',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;

/** One machine code of the error shape. */
export type ErrorCode = (typeof ERROR_CODES)[number];
