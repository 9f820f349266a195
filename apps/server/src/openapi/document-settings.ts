/**
 * The settings the document is written with: every optional part of the API switched on (payments, whose routes
 * exist only with payments on; `/metrics` with its secret), local accounts, and placeholders that never leave this
 * process (nothing is called: no network, an in-memory database).
 */
export const OPENAPI_ENV: Readonly<Record<string, string>> = {
  ENVIRONMENT_MODE: 'dev',
  LOG_LEVEL: 'error',
  ENABLE_PAYMENTS: 'true',
  STRIPE_SECRET_KEY: 'sk_test_openapi_document_only',
  STRIPE_WEBHOOK_SECRET: 'whsec_openapi_document_only',
  METRICS_SECRET: 'openapi-document-only-openapi-document-only',
  CRON_MODE: 'external',
  AUTH_SECRET: 'openapi-secret-openapi-secret-openapi-0123',
};
