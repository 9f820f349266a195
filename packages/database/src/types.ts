/**
 * Public types of @uksmr/database. Row types use camelCase in code; columns are snake_case in SQL.
 * (Written first so that the server and this package agree; the implementation lives beside it.)
 */

/** Anything that can run a parameterised SQL statement: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$1…$n` parameters. Never builds SQL from values. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

/** Rows and the affected-row count of one statement. */
export interface QueryResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}

/** An open transaction: a Queryable that can also run a script of several statements (migrations). */
export interface Transaction extends Queryable {
  /** Runs `script` (several statements, no parameters) over the simple query protocol. */
  exec(script: string): Promise<void>;
}

/** A migrated database over PGlite or a PostgreSQL server. */
export interface Database extends Queryable {
  /** `pglite` (embedded, DATA_DIR) or `pg` (DATABASE_URL). */
  readonly kind: 'pglite' | 'pg';
  /**
   * Runs `fn` in one transaction: commit when it resolves, rollback when it throws (and rethrow).
   * Inside `fn`, use `tx` only: the database itself is another connection (pg) or waits for the transaction (PGlite).
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Cheap liveness check (`SELECT 1`); throws when the database is unreachable. */
  ping(): Promise<void>;
  /**
   * PostgreSQL server only: `LISTEN channel` on one dedicated session connection outside the pool (a
   * transaction-mode pooler cannot keep a LISTEN), reconnected with backoff when it drops.
   */
  listen?(channel: string, handlers: ListenHandlers): Promise<Listening>;
  /** PostgreSQL server only: the pool's connections now (for metrics). */
  poolStats?(): PoolStats;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

/** What a listener is told: each notification's payload, and when its connection is lost or (re)established. */
export interface ListenHandlers {
  readonly onNotice: (payload: string) => void;
  /** `true` once listening (again: notifications may have been missed meanwhile), `false` when the connection dropped. */
  readonly onState?: (listening: boolean) => void;
}

/** A pool's connections: open in all, idle among them, and requests waiting for one. */
export interface PoolStats {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
  /** The most it opens. */
  readonly max: number;
}

/** A running listener. */
export interface Listening {
  /** Stops listening and closes its connection. */
  close(): Promise<void>;
}

/** How a user signed in. */
export type AuthProviderKind = 'google' | 'apple' | 'facebook' | 'email' | 'local';

/** A user row. */
export interface User {
  readonly userId: string;
  readonly externalId: string;
  readonly authProvider: AuthProviderKind;
  readonly email: string | null;
  readonly passwordHash: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lastLoginAt: Date | null;
}

/** Lifecycle status of a report. */
export type ReportStatus = 'pending' | 'generating' | 'completed' | 'failed' | 'expired';

/** A report row (content, citations and metadata are the stored JSON, or null). */
/** What a report is written for (migration 004); each part null when unknown. `intake` is `YYYY-MM`. */
export interface ReportProfile {
  readonly level: 'undergraduate' | 'postgraduate_taught' | 'postgraduate_research' | null;
  readonly intake: string | null;
  readonly city: string | null;
  readonly nationality: 'IN' | 'PK' | 'BD' | 'LK' | 'NP' | null;
}

export interface ReportRow {
  readonly reportId: string;
  readonly userId: string;
  readonly subject: string;
  /** The knowledge base's subject id the subject was resolved to; null when none. */
  readonly subjectId: string | null;
  readonly profile: ReportProfile;
  readonly country: 'UK';
  readonly status: ReportStatus;
  readonly content: unknown;
  readonly citations: unknown;
  readonly generationMetadata: unknown;
  readonly errorMessage: string | null;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
  readonly expiresAt: Date;
  readonly deletedAt: Date | null;
  readonly updatedAt: Date;
  /** When generation was claimed (status became `generating`), for the stale-generation sweeper. */
  readonly startedAt: Date | null;
}

/** One live progress event of a report in generation, readable from any instance. */
export interface ReportEventRow {
  readonly reportId: string;
  readonly seq: number;
  readonly event: string;
  readonly data: unknown;
}

/** One live progress event of a follow-up answer (migration 006), readable from any instance. */
export interface QuestionEventRow {
  readonly questionId: string;
  readonly seq: number;
  readonly event: string;
  readonly data: unknown;
}

/** Lifecycle status of a follow-up question: `failed` ones may be asked again and do not count against the limit. */
export type QuestionStatus = 'pending' | 'answering' | 'answered' | 'failed';

/** A follow-up question on a report (migration 006) with its stored answer, once answered. */
export interface QuestionRow {
  readonly questionId: string;
  readonly reportId: string;
  readonly userId: string;
  readonly text: string;
  readonly status: QuestionStatus;
  /** The answer's Markdown with `[n]` markers; null until answered. */
  readonly answer: string | null;
  /** The stored citations (the report's citation shape), or null. */
  readonly citations: unknown;
  readonly generationMetadata: unknown;
  readonly errorMessage: string | null;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly answeredAt: Date | null;
}

/** Status of a payment. */
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded';

/** A payment row. */
export interface PaymentRow {
  readonly paymentId: string;
  readonly userId: string;
  readonly reportId: string | null;
  readonly stripeCheckoutSessionId: string;
  readonly stripePaymentIntentId: string | null;
  readonly amountPence: number;
  readonly currency: 'gbp';
  readonly status: PaymentStatus;
  readonly refundReason: string | null;
  /** Failed refund attempts so far, and the last failure's message. */
  readonly refundAttempts: number;
  readonly lastRefundError: string | null;
  readonly createdAt: Date;
  readonly succeededAt: Date | null;
  readonly refundedAt: Date | null;
  readonly updatedAt: Date;
  readonly metadata: Record<string, unknown>;
}

/** The logger the database writes to (pino's `info`/`warn`/`debug` fit). Never given a password. */
export interface DatabaseLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

/** Options of `createDatabase`. */
export interface DatabaseOptions {
  /** `postgres://…` of a PostgreSQL server; unset = embedded PGlite in `<dataDir>/pglite`. */
  readonly databaseUrl?: string | undefined;
  /** Where embedded data lives (`DATA_DIR`). */
  readonly dataDir: string;
  /** The server is Supabase: TLS (see docs/database.md) and pooler-safe use. */
  readonly enableSupabase?: boolean | undefined;
  /** Server-side `statement_timeout` of every pg connection, in ms (default 15000; PGlite has none). */
  readonly statementTimeoutMs?: number | undefined;
  /** Where connection attempts and migrations are logged. */
  readonly logger?: DatabaseLogger | undefined;
  /** How long to keep retrying an unreachable server, in ms (default 30000). */
  readonly connectRetryMs?: number | undefined;
  /** PGlite in memory instead of `<dataDir>/pglite` (tests). */
  readonly memory?: boolean | undefined;
  /**
   * The session connection `listen` uses (the server directly, or a session-mode pooler); default `databaseUrl`,
   * which must then not be a transaction-mode pooler.
   */
  readonly listenUrl?: string | undefined;
}
