import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../src/api/errors.js';
import { describeError, describeFailure, formatWait, isRefusal } from '../src/components/errorMessage.js';

describe('describeError', () => {
  it('says when to try again after a rate limit', () => {
    expect(describeError(new ApiError(429, 'RATE_LIMITED', 'Too many requests.', null, 30))).toBe(
      'Too many requests. Please try again in 30 seconds.',
    );
    expect(describeError(new ApiError(429, 'RATE_LIMITED', 'Retry in 12 seconds.', null))).toContain('12 seconds');
    expect(describeError(new ApiError(429, 'RATE_LIMITED', 'Slow down.', null))).toContain('60 seconds');
  });

  it('explains the daily cap', () => {
    const text = describeError(new ApiError(429, 'DAILY_LIMIT', 'You can start 20 reports a day.', null));
    expect(text).toContain("today's limit");
    expect(text).toContain('You can start 20 reports a day.');
    expect(text).toContain('tomorrow');
  });

  it('covers sign-in, payment, server and network failures', () => {
    expect(describeError(new ApiError(401, 'UNAUTHORIZED', 'x', null))).toMatch(/sign in again/);
    expect(describeError(new ApiError(402, 'PAYMENT_REQUIRED', 'x', null))).toMatch(/Payment is needed/);
    expect(describeError(new ApiError(500, 'INTERNAL', 'x', 'req-9'))).toBe(
      'Something went wrong on our side (reference req-9). Please try again in a moment.',
    );
    expect(describeError(new ApiError(503, 'UNAVAILABLE', 'x', null))).not.toContain('reference');
    expect(describeError(new NetworkError(new Error('offline')))).toMatch(/Check your connection/);
    expect(describeError(new Error('boom'))).toMatch(/reload the page/);
    expect(describeError(new ApiError(400, 'VALIDATION_ERROR', 'Subject is too long.', null))).toBe(
      'Subject is too long.',
    );
  });

  it('recognises the three refusals only', () => {
    expect(isRefusal(new ApiError(422, 'UK_ONLY', 'This MVP currently supports the UK only.', null))).toBe(true);
    expect(isRefusal(new ApiError(422, 'MULTIPLE_SUBJECTS', 'x', null))).toBe(true);
    expect(isRefusal(new ApiError(422, 'MULTIPLE_COUNTRIES', 'x', null))).toBe(true);
    expect(isRefusal(new ApiError(400, 'VALIDATION_ERROR', 'x', null))).toBe(false);
    expect(isRefusal(new Error('x'))).toBe(false);
  });
});

describe('formatWait and describeFailure', () => {
  it('words a wait', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(89)).toBe('89 seconds');
    expect(formatWait(600)).toBe('10 minutes');
    expect(formatWait(7200)).toBe('about 2 hours');
  });

  it('promises a refund only for a paid report, once', () => {
    expect(describeFailure('The writer timed out.', true)).toBe(
      'The writer timed out. You have been refunded. You can start a new report at any time.',
    );
    expect(describeFailure('The writer timed out.', false)).not.toContain('refunded');
    expect(describeFailure('Failed; your payment was refunded.', true).match(/refund/g)).toHaveLength(1);
  });
});
