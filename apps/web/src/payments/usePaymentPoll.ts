import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext.js';
import type { PaymentState } from '../api/types.js';
import { describeError } from '../components/errorMessage.js';

/** How often the success page asks whether the paid report exists yet. */
export const POLL_INTERVAL_MS = 1500;
/** When to stop asking and send the student to their history instead. */
export const POLL_TIMEOUT_MS = 2 * 60 * 1000;

/** What the success page shows while it waits. */
export type PaymentPoll =
  | { readonly state: 'waiting' }
  | { readonly state: 'ready'; readonly reportId: string }
  | { readonly state: 'failed'; readonly status: PaymentState['status'] | 'error'; readonly message: string }
  | { readonly state: 'timeout' };

/** Polls `GET /payments/{sessionId}` until the webhook has created the report (`report_id` set). */
export function usePaymentPoll(sessionId: string): PaymentPoll {
  const api = useApi();
  // The outcome is kept with the session it belongs to, so another session starts at "waiting" without a
  // second render from inside the effect.
  const [settled, setSettled] = useState<{ readonly sessionId: string; readonly poll: PaymentPoll }>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const setPoll = (poll: PaymentPoll): void => setSettled({ sessionId, poll });
    const deadline = Date.now() + POLL_TIMEOUT_MS;
    const check = async (): Promise<void> => {
      try {
        const payment = await api.getPayment(sessionId);
        if (stopped) return;
        if (payment.report_id) return setPoll({ state: 'ready', reportId: payment.report_id });
        if (payment.status === 'failed' || payment.status === 'refunded') {
          return setPoll({ state: 'failed', status: payment.status, message: '' });
        }
      } catch (error) {
        if (stopped) return;
        return setPoll({ state: 'failed', status: 'error', message: describeError(error) });
      }
      if (Date.now() >= deadline) return setPoll({ state: 'timeout' });
      timer = setTimeout(() => void check(), POLL_INTERVAL_MS);
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, sessionId]);

  return settled?.sessionId === sessionId ? settled.poll : { state: 'waiting' };
}
