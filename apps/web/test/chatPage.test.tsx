import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChatPage } from '../src/chat/ChatPage.js';
import { SUBJECT_QUESTION } from '../src/chat/Composer.js';
import { readPendingSubject, savePendingSubject } from '../src/payments/pendingSubject.js';
import { apiError, installFetch, json } from './support/fakeFetch.js';
import { makeReport, PAID_CONFIG } from './support/fixtures.js';
import { renderSignedIn } from './support/render.js';

const EMPTY_LIST = { 'GET /reports?limit=50&offset=0': () => json(200, { reports: [], total: 0, limit: 50, offset: 0 }) };
const UK_ONLY = 'This MVP currently supports the UK only.';

async function ask(subject: string): Promise<void> {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(SUBJECT_QUESTION), subject);
  await user.click(screen.getByRole('button', { name: 'Send' }));
}

describe('ChatPage', () => {
  it('offers a labelled input and suggestion chips that fill it', async () => {
    installFetch(EMPTY_LIST);
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    const input = screen.getByLabelText(SUBJECT_QUESTION);
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'MSc Data Science' }));
    expect(input).toHaveValue('MSc Data Science');
    expect(input).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
    for (const chip of ['Computer Science', 'Nursing', 'MBA', 'Law']) expect(screen.getByRole('button', { name: chip })).toBeInTheDocument();
  });

  it('shows a UK_ONLY refusal as the assistant reply, in the contract words', async () => {
    const seen = installFetch({ ...EMPTY_LIST, 'POST /reports': () => apiError(422, 'UK_ONLY', UK_ONLY) });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('Nursing in Canada');
    expect(screen.getByTestId('user-message')).toHaveTextContent('Nursing in Canada');
    await waitFor(() => expect(screen.getByTestId('assistant-message')).toHaveTextContent(UK_ONLY));
    expect(screen.getByTestId('assistant-message').textContent).toBe(`Assistant: ${UK_ONLY}`);
    expect(seen.find((request) => request.method === 'POST')?.body).toEqual({ subject: 'Nursing in Canada', country: 'UK' });
    expect(screen.queryByRole('button', { name: 'Computer Science' })).toBeNull();
    expect(screen.getByLabelText(SUBJECT_QUESTION)).toHaveValue('');
  });

  it('shows the one-subject and one-country refusals the same way', async () => {
    let answer = apiError(422, 'MULTIPLE_SUBJECTS', 'Please ask about one subject at a time.');
    installFetch({ ...EMPTY_LIST, 'POST /reports': () => answer });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('Law and Medicine');
    expect(await screen.findByText('Please ask about one subject at a time.')).toBeInTheDocument();
    answer = apiError(422, 'MULTIPLE_COUNTRIES', 'Please ask about one country: the UK.');
    await ask('Law in the UK or Ireland');
    expect(await screen.findByText('Please ask about one country: the UK.')).toBeInTheDocument();
    expect(screen.getAllByTestId('user-message')).toHaveLength(2);
  });

  it('says when to try again after a rate limit', async () => {
    installFetch({ ...EMPTY_LIST, 'POST /reports': () => apiError(429, 'RATE_LIMITED', 'Too many requests.', { 'Retry-After': '30' }) });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('Nursing');
    expect(await screen.findByText('Too many requests. Please try again in 30 seconds.')).toBeInTheDocument();
  });

  it('opens the new report once the server has started it', async () => {
    installFetch({ ...EMPTY_LIST, 'POST /reports': () => json(201, { report: makeReport({ report_id: 'r-9', status: 'pending' }) }) });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('Nursing');
    await waitFor(() => expect(window.location.pathname).toBe('/reports/r-9'));
  });

  it('shows the price on the send button and goes to Stripe Checkout, keeping the subject', async () => {
    installFetch({ ...EMPTY_LIST, 'POST /reports': () => json(200, { checkout_url: 'https://checkout.stripe.com/c/pay/cs_1', session_id: 'cs_1' }) });
    const redirect = vi.fn();
    renderSignedIn(<ChatPage paymentCancelled={false} redirect={redirect} />, PAID_CONFIG);
    expect(screen.getByText(/Each report costs £2\.99/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(SUBJECT_QUESTION), 'MBA');
    await user.click(screen.getByRole('button', { name: '£2.99 — pay and generate' }));
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('https://checkout.stripe.com/c/pay/cs_1'));
    expect(readPendingSubject()).toBe('MBA');
  });

  it('after a cancelled payment, says nothing was charged and gives the subject back', () => {
    installFetch(EMPTY_LIST);
    savePendingSubject('Computer Science');
    renderSignedIn(<ChatPage paymentCancelled />, PAID_CONFIG);
    expect(screen.getByRole('status')).toHaveTextContent('Payment cancelled: nothing was charged.');
    expect(screen.getByLabelText(SUBJECT_QUESTION)).toHaveValue('Computer Science');
    expect(screen.getByRole('button', { name: '£2.99 — pay and generate' })).toBeEnabled();
  });
});
