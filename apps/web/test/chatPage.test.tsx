import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { QueryReading } from '../src/api/types.js';
import { ChatPage } from '../src/chat/ChatPage.js';
import { SUBJECT_QUESTION } from '../src/chat/Composer.js';
import { readPendingSubject, savePendingSubject } from '../src/payments/pendingSubject.js';
import { apiError, installFetch, json, type Handler } from './support/fakeFetch.js';
import { makeReport, PAID_CONFIG } from './support/fixtures.js';
import { renderSignedIn } from './support/render.js';

const EMPTY_LIST = {
  'GET /reports?limit=50&offset=0': () => json(200, { reports: [], total: 0, limit: 50, offset: 0 }),
};
/** A server without POST /queries (before the profile work merges): the chat goes straight to POST /reports. */
const NO_QUERIES = {
  ...EMPTY_LIST,
  'POST /queries': () => apiError(404, 'NOT_FOUND', 'Route POST:/queries not found'),
};
const UK_ONLY = 'This MVP currently supports the UK only.';

/** `POST /queries` for "MSc Data Science in London": the intake still to ask. */
const DATA_SCIENCE: QueryReading = {
  subject: 'MSc Data Science',
  subject_id: 'data-science',
  level: 'postgraduate_taught',
  intake: null,
  city: 'London',
  nationality: null,
  coverage: 'detailed',
  coverage_note: 'Detailed: UK fees, visas, jobs and London universities for data science.',
  questions: [
    { field: 'intake', prompt: 'When does your course start?', options: ['2027-01', '2027-09', '2028-01', 'Not sure'] },
  ],
};

async function ask(words: string): Promise<void> {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(SUBJECT_QUESTION), words);
  await user.click(screen.getByRole('button', { name: 'Send' }));
}

function serve(routes: Record<string, Handler>) {
  return installFetch({ ...EMPTY_LIST, ...routes });
}

describe('ChatPage asks before it charges', () => {
  it('sends the words to /queries, asks the intake with chips, shows coverage and price, then creates with the answers', async () => {
    const seen = serve({
      'POST /queries': () => json(200, DATA_SCIENCE),
      'POST /reports': () => json(201, { report: makeReport({ report_id: 'r-7', status: 'pending' }) }),
    });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('I want to do an MSc in Data Science in London');
    expect(seen.find((r) => r.path === '/queries')?.body).toEqual({
      text: 'I want to do an MSc in Data Science in London',
    });
    expect(await screen.findByText(/A report on MSc Data Science\. Detailed: UK fees/)).toBeInTheDocument();
    expect(screen.getByText('When does your course start?')).toBeInTheDocument();
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Not sure' })).toBeInTheDocument();
    expect(seen.some((r) => r.path === '/reports' && r.method === 'POST')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'September 2027' }));
    expect(screen.getAllByTestId('user-message').at(-1)).toHaveTextContent('September 2027');
    expect(
      await screen.findByText(
        /Your report: MSc Data Science · Postgraduate taught \(master’s\) · September 2027 · London\. The report is free here\./,
      ),
    ).toBeInTheDocument();
    expect(seen.some((r) => r.path === '/reports' && r.method === 'POST')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Create my report' }));
    await waitFor(() => expect(window.location.pathname).toBe('/reports/r-7'));
    expect(seen.find((r) => r.path === '/reports' && r.method === 'POST')?.body).toEqual({
      // What the words said ("MSc", "in London") travels with the answer: the subject alone would lose it.
      subject: 'MSc Data Science',
      country: 'UK',
      level: 'postgraduate_taught',
      city: 'London',
      intake: '2027-09',
    });
  });

  it('"Not sure" sends no intake: the report assumes the next September and the chat says so; paid reports show the price', async () => {
    const seen = serve({
      'POST /queries': () =>
        json(200, {
          ...DATA_SCIENCE,
          level: null,
          city: null,
          questions: [
            { field: 'intake', prompt: 'When does your course start?', options: ['2027-09', '2028-01'] },
            {
              field: 'level',
              prompt: 'Which level?',
              options: ['undergraduate', 'postgraduate_taught', 'postgraduate_research', 'Not sure'],
            },
          ],
        }),
      'POST /reports': () => json(200, { checkout_url: 'https://checkout.stripe.com/c/pay/cs_2', session_id: 'cs_2' }),
    });
    const redirect = vi.fn();
    renderSignedIn(<ChatPage paymentCancelled={false} redirect={redirect} />, PAID_CONFIG);
    expect(screen.getByText(/A report costs £2\.99; you see what it covers before you pay/)).toBeInTheDocument();
    await ask('Data science');
    const user = userEvent.setup();
    // The server offered no "Not sure" for the intake: the chat adds it.
    await user.click(await screen.findByRole('button', { name: 'Not sure' }));
    await user.click(await screen.findByRole('button', { name: 'Postgraduate research (PhD)' }));
    expect(
      await screen.findByText(/assumes the next September intake and says so at the top\. The report costs £2\.99/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '£2.99 — pay and generate' }));
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('https://checkout.stripe.com/c/pay/cs_2'));
    expect(seen.find((r) => r.path === '/reports')?.body).toEqual({
      subject: 'MSc Data Science',
      country: 'UK',
      level: 'postgraduate_research',
    });
    expect(readPendingSubject()).toBe('Data science');
  });

  it('answers a refusal with a next step: "Computer Science in Canada" offers "Computer Science in the UK"', async () => {
    let reading: Response = apiError(422, 'UK_ONLY', UK_ONLY);
    const seen = serve({ 'POST /queries': () => reading });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('Computer Science in Canada');
    expect(await screen.findByText(UK_ONLY)).toBeInTheDocument();
    reading = json(200, { ...DATA_SCIENCE, subject: 'Computer Science', questions: [] });
    await userEvent.click(screen.getByRole('button', { name: 'Computer Science in the UK' }));
    expect(await screen.findByText(/Your report: Computer Science/)).toBeInTheDocument();
    expect(seen.filter((r) => r.path === '/queries').map((r) => r.body)).toEqual([
      { text: 'Computer Science in Canada' },
      { text: 'Computer Science in the UK' },
    ]);
  });

  it('offers example subjects for words that name none, and each subject alone for two', async () => {
    let reading: Response = apiError(422, 'NOT_A_SUBJECT', 'Tell me a subject you want to study, such as Nursing.');
    serve({ 'POST /queries': () => reading });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('hello there');
    expect(await screen.findByText('Tell me a subject you want to study, such as Nursing.')).toBeInTheDocument();
    for (const chip of ['Nursing', 'MSc Data Science in London', 'Computer Science', 'MBA'])
      expect(screen.getByRole('button', { name: chip })).toBeInTheDocument();
    reading = apiError(422, 'MULTIPLE_SUBJECTS', 'Please ask about one subject at a time.');
    await ask('Law and Medicine');
    expect(await screen.findByText('Please ask about one subject at a time.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Law' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Medicine' })).toBeInTheDocument();
    // Only the latest reply's chips are live.
    expect(screen.queryByRole('button', { name: 'MBA' })).toBeNull();
  });

  it('shows other failures of /queries as an error reply', async () => {
    serve({ 'POST /queries': () => apiError(429, 'RATE_LIMITED', 'Too many requests.', { 'Retry-After': '30' }) });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('Nursing');
    expect(await screen.findByText('Too many requests. Please try again in 30 seconds.')).toBeInTheDocument();
    expect(screen.getByLabelText(SUBJECT_QUESTION)).toHaveFocus();
  });
});

describe('ChatPage without /queries (404: straight to POST /reports)', () => {
  it('offers a labelled input with a counter up to 500 characters, and suggestion chips that fill it', async () => {
    installFetch(NO_QUERIES);
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    const input = screen.getByLabelText(SUBJECT_QUESTION);
    expect(input).toHaveAttribute('maxLength', '500');
    expect(screen.getByText('0/500')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'MSc Data Science' }));
    expect(input).toHaveValue('MSc Data Science');
    expect(input).toHaveFocus();
    expect(screen.getByText('16/500')).toBeInTheDocument();
    for (const chip of ['Computer Science', 'Nursing', 'MBA', 'Law'])
      expect(screen.getByRole('button', { name: chip })).toBeInTheDocument();
  });

  it('shows a UK_ONLY refusal as the assistant reply, in the contract words, with the UK next step', async () => {
    const seen = installFetch({ ...NO_QUERIES, 'POST /reports': () => apiError(422, 'UK_ONLY', UK_ONLY) });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('Nursing in Canada');
    expect(screen.getByTestId('user-message')).toHaveTextContent('Nursing in Canada');
    await waitFor(() => expect(screen.getByTestId('assistant-message')).toHaveTextContent(UK_ONLY));
    expect(screen.getByTestId('assistant-message').textContent).toBe(`Assistant: ${UK_ONLY}`);
    expect(seen.find((request) => request.path === '/reports')?.body).toEqual({
      subject: 'Nursing in Canada',
      country: 'UK',
    });
    expect(screen.getByRole('button', { name: 'Nursing in the UK' })).toBeInTheDocument();
    expect(screen.getByLabelText(SUBJECT_QUESTION)).toHaveValue('');
  });

  it('sends Enter, keeps Shift+Enter for a new line, and cuts the subject of a long message to the 200 the API takes', async () => {
    const seen = installFetch({
      ...NO_QUERIES,
      'POST /reports': () => json(201, { report: makeReport({ report_id: 'r-8', status: 'pending' }) }),
    });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    const user = userEvent.setup();
    const long = `Nursing ${'x'.repeat(300)}`;
    await user.click(screen.getByLabelText(SUBJECT_QUESTION));
    await user.paste(long);
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(screen.getByLabelText(SUBJECT_QUESTION)).toHaveValue(`${long}\n`);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.pathname).toBe('/reports/r-8'));
    expect((seen.find((r) => r.path === '/reports')?.body as { subject: string }).subject).toHaveLength(200);
  });

  it('opens the new report once the server has started it', async () => {
    installFetch({
      ...NO_QUERIES,
      'POST /reports': () => json(201, { report: makeReport({ report_id: 'r-9', status: 'pending' }) }),
    });
    renderSignedIn(<ChatPage paymentCancelled={false} />);
    await ask('Nursing');
    await waitFor(() => expect(window.location.pathname).toBe('/reports/r-9'));
  });

  it('goes to Stripe Checkout with payments on, keeping the words', async () => {
    installFetch({
      ...NO_QUERIES,
      'POST /reports': () => json(200, { checkout_url: 'https://checkout.stripe.com/c/pay/cs_1', session_id: 'cs_1' }),
    });
    const redirect = vi.fn();
    renderSignedIn(<ChatPage paymentCancelled={false} redirect={redirect} />, PAID_CONFIG);
    await ask('MBA');
    await waitFor(() => expect(redirect).toHaveBeenCalledWith('https://checkout.stripe.com/c/pay/cs_1'));
    expect(readPendingSubject()).toBe('MBA');
  });

  it('after a cancelled payment, says nothing was charged and gives the words back', () => {
    installFetch(EMPTY_LIST);
    savePendingSubject('Computer Science');
    renderSignedIn(<ChatPage paymentCancelled />, PAID_CONFIG);
    expect(screen.getByRole('status')).toHaveTextContent('Payment cancelled: nothing was charged.');
    expect(screen.getByLabelText(SUBJECT_QUESTION)).toHaveValue('Computer Science');
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
  });
});
