import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { POLL_INTERVAL_MS, POLL_TIMEOUT_MS } from '../src/payments/usePaymentPoll.js';
import { readPendingSubject, savePendingSubject } from '../src/payments/pendingSubject.js';
import { SuccessPage } from '../src/payments/SuccessPage.js';
import { apiError, installFetch, json } from './support/fakeFetch.js';
import { PAID_CONFIG } from './support/fixtures.js';
import { renderSignedIn } from './support/render.js';

const LIST = { 'GET /reports?limit=50&offset=0': () => json(200, { reports: [], total: 0, limit: 50, offset: 0 }) };

describe('SuccessPage', () => {
  it('polls the payment until the report exists, then opens it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    savePendingSubject('MBA');
    let polls = 0;
    const seen = installFetch({
      ...LIST,
      'GET /payments/cs_1': () =>
        json(200, ++polls < 3 ? { status: 'pending', report_id: null } : { status: 'succeeded', report_id: 'r-7' }),
    });
    renderSignedIn(<SuccessPage sessionId="cs_1" />, PAID_CONFIG);
    expect(screen.getByRole('status')).toHaveTextContent('Payment received. Preparing your report…');
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    await waitFor(() => expect(window.location.pathname).toBe('/reports/r-7'));
    expect(polls).toBe(3);
    expect(seen.filter((request) => request.path === '/payments/cs_1')[0]?.headers.get('Authorization')).toBe(
      'Bearer token-1',
    );
    expect(readPendingSubject()).toBeNull();
  });

  it('says a refunded or failed payment wrote nothing', async () => {
    installFetch({ ...LIST, 'GET /payments/cs_1': () => json(200, { status: 'refunded', report_id: null }) });
    const { unmount } = renderSignedIn(<SuccessPage sessionId="cs_1" />, PAID_CONFIG);
    expect(await screen.findByRole('alert')).toHaveTextContent('Your payment was refunded');
    unmount();
    installFetch({ ...LIST, 'GET /payments/cs_1': () => json(200, { status: 'failed', report_id: null }) });
    renderSignedIn(<SuccessPage sessionId="cs_1" />, PAID_CONFIG);
    expect(await screen.findByRole('alert')).toHaveTextContent('nothing was charged');
  });

  it('explains an error and a slow start without asking to pay again', async () => {
    installFetch({ ...LIST, 'GET /payments/cs_1': () => apiError(404, 'NOT_FOUND', 'Payment not found.') });
    const { unmount } = renderSignedIn(<SuccessPage sessionId="cs_1" />, PAID_CONFIG);
    expect(await screen.findByRole('alert')).toHaveTextContent('Payment not found. Your payment is safe');
    unmount();
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installFetch({ ...LIST, 'GET /payments/cs_1': () => json(200, { status: 'pending', report_id: null }) });
    renderSignedIn(<SuccessPage sessionId="cs_1" />, PAID_CONFIG);
    await vi.advanceTimersByTimeAsync(POLL_TIMEOUT_MS + POLL_INTERVAL_MS);
    expect(await screen.findByText(/taking longer than usual/)).toBeInTheDocument();
    expect(screen.getByText(/no need to pay again/)).toBeInTheDocument();
  });

  it('needs a session id', () => {
    installFetch(LIST);
    renderSignedIn(<SuccessPage sessionId={null} />, PAID_CONFIG);
    expect(screen.getByRole('alert')).toHaveTextContent('This page needs a payment reference.');
  });
});
