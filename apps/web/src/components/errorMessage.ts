import { ApiError, NetworkError } from '../api/errors.js';

/** Codes of the refusals that come back as the assistant's reply, in the contract's words. */
export const REFUSAL_CODES: ReadonlySet<string> = new Set([
  'UK_ONLY',
  'MULTIPLE_SUBJECTS',
  'MULTIPLE_COUNTRIES',
  'NOT_A_SUBJECT',
]);

/** True for a 422 refusal of the words (UK only, one subject, one country, no subject named). */
export function isRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 422 && REFUSAL_CODES.has(error.code);
}

/** "45 seconds", "3 minutes", "about 5 hours": a wait in words. */
export function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} minutes`;
  return `about ${Math.round(seconds / 3600)} hours`;
}

function waitSeconds(error: ApiError): number {
  if (error.retryAfterSeconds !== null) return error.retryAfterSeconds;
  const match = /(\d+)\s*seconds?/i.exec(error.detail);
  return match ? Number(match[1]) : 60;
}

/** A sentence that says what went wrong and what to do next, for any error an API call can throw. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return 'Could not reach the server. Check your connection and try again.';
  if (!(error instanceof ApiError)) return 'Something went wrong. Please reload the page and try again.';
  if (error.status === 429 && error.code === 'RATE_LIMITED') {
    return `Too many requests. Please try again in ${formatWait(waitSeconds(error))}.`;
  }
  if (error.status === 429)
    return `You have reached today's limit of reports. ${error.detail} Please try again tomorrow.`;
  if (error.status === 401) return 'Your session has ended. Please sign in again.';
  if (error.status === 402) return 'Payment is needed before this report can be written.';
  if (error.status >= 500) {
    const reference = error.requestId ? ` (reference ${error.requestId})` : '';
    return `Something went wrong on our side${reference}. Please try again in a moment.`;
  }
  return error.detail;
}

/** What a student reads when a report's generation failed; a paid report is refunded. */
export function describeFailure(detail: string, paid: boolean): string {
  const refund = paid && !/refund/i.test(detail) ? ' You have been refunded.' : '';
  return `${detail}${refund} You can start a new report at any time.`;
}
