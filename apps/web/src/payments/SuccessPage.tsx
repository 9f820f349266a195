import { useEffect } from 'react';
import { Notice } from '../components/Notice.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/router.js';
import { clearPendingSubject } from './pendingSubject.js';
import { usePaymentPoll, type PaymentPoll } from './usePaymentPoll.js';

function failureText(poll: Extract<PaymentPoll, { state: 'failed' }>): string {
  if (poll.status === 'refunded')
    return 'Your payment was refunded, so no report was written. You can start a new one at any time.';
  if (poll.status === 'failed')
    return 'The payment did not go through, so nothing was charged. You can try again from the chat.';
  return `${poll.message} Your payment is safe: the report will appear in "Your reports" once it is ready.`;
}

function Waiting({ sessionId }: { readonly sessionId: string }) {
  const poll = usePaymentPoll(sessionId);
  useEffect(() => {
    if (poll.state === 'ready') {
      clearPendingSubject();
      navigate(`/reports/${encodeURIComponent(poll.reportId)}`, { replace: true });
    }
  }, [poll]);
  if (poll.state === 'failed') return <Notice tone="error">{failureText(poll)}</Notice>;
  if (poll.state === 'timeout') {
    return (
      <Notice tone="warning">
        Payment received, but the report is taking longer than usual to start. It will appear in &ldquo;Your
        reports&rdquo; shortly; there is no need to pay again.
      </Notice>
    );
  }
  return (
    <p role="status" className="writing-indicator">
      <span className="writing-dot" aria-hidden="true" /> Payment received. Preparing your report…
    </p>
  );
}

/** `/chat/success?session_id=…`: waits for the paid report to exist, then opens it (and its live stream). */
export function SuccessPage({ sessionId }: { readonly sessionId: string | null }) {
  return (
    <div className="mx-auto max-w-3xl space-y-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Thank you for your payment</h1>
      {sessionId ? (
        <Waiting sessionId={sessionId} />
      ) : (
        <Notice tone="error">
          This page needs a payment reference.{' '}
          <Link href="/chat" className="link">
            Go back to the chat
          </Link>
        </Notice>
      )}
    </div>
  );
}
