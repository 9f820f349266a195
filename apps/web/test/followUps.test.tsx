import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Question } from '../src/api/questions.js';
import { FOLLOW_UP_LABEL } from '../src/followups/FollowUps.js';
import { ReportPage } from '../src/report/ReportPage.js';
import { apiError, controlledSse, feed, frame, installFetch, json, sse, type Handler } from './support/fakeFetch.js';
import { CITATIONS, makeReport } from './support/fixtures.js';
import { renderSignedIn } from './support/render.js';

const LONDON = makeReport({
  subject: 'MSc Data Science',
  profile: { level: 'postgraduate_taught', intake: '2027-09', city: 'London', nationality: null },
});
const LIST = {
  'GET /reports?limit=50&offset=0': () => json(200, { reports: [LONDON], total: 1, limit: 50, offset: 0 }),
};
const FAMILY = 'Can my family come with me?';

/** A stored follow-up with its answer. */
function answered(overrides: Partial<Question> = {}): Question {
  return {
    question_id: 'q-1',
    report_id: 'r-1',
    text: 'Can I work while I study?',
    status: 'answered',
    answer: 'Up to 20 hours a week in term time [1]. After the course, the Graduate visa lets you work [2].',
    citations: CITATIONS,
    generation_metadata: null,
    created_at: '2026-12-01T10:00:00.000Z',
    answered_at: '2026-12-01T10:00:01.000Z',
    error_message: null,
    ...overrides,
  };
}

function serve(routes: Record<string, Handler>) {
  return installFetch({ ...LIST, 'GET /reports/r-1': () => json(200, LONDON), ...routes });
}

/**
 * The follow-up composer, once the whole report under it has rendered: the first render of ten sections of Markdown
 * can take longer than Testing Library's default second on a loaded machine.
 */
const findComposer = (): Promise<HTMLElement> => screen.findByLabelText(FOLLOW_UP_LABEL, undefined, { timeout: 5_000 });

describe('follow-up questions under a completed report', () => {
  it('offers three questions drawn from the profile, streams the answer of a chip with its sources, and keeps the focus', async () => {
    const live = controlledSse();
    const seen = serve({
      'GET /reports/r-1/questions': () => json(200, { questions: [], limit: 10, remaining: 10 }),
      'POST /reports/r-1/questions': () =>
        json(201, { question: { question_id: 'q-2', text: FAMILY, status: 'pending' } }),
      'GET /reports/r-1/questions/q-2/stream': () => live.response,
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    const input = await findComposer();
    expect(input).toHaveAccessibleDescription(/10 more follow-up questions are included with this report\./);
    const chips = screen.getByRole('list', { name: 'Suggested follow-up questions' });
    expect(
      within(chips)
        .getAllByRole('button')
        .map((chip) => chip.textContent),
    ).toEqual([
      FAMILY,
      'What if I study in Manchester instead of London?',
      'What could I earn after studying Data Science?',
    ]);

    // The keyboard alone: Tab to the chip, Enter presses it.
    const user = userEvent.setup();
    within(chips).getByRole('button', { name: FAMILY }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(FAMILY, { selector: '[data-testid="user-message"]' })).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'POST' && r.path === '/reports/r-1/questions')?.body).toEqual({
      text: FAMILY,
    });
    expect(input).toHaveFocus();
    expect(screen.queryByRole('list', { name: 'Suggested follow-up questions' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();

    await feed(live, frame('status', { status: 'answering' }) + frame('delta', { text: 'Only research students ' }));
    expect(screen.getByText('Writing the answer…', { selector: '[aria-live="polite"]' })).toBeInTheDocument();
    await feed(live, frame('delta', { text: 'can bring a partner [1].' }));
    const followUps = screen.getByRole('list', { name: 'Follow-up questions' });
    expect(within(followUps).getByRole('link', { name: 'Source 1' })).toHaveAttribute('href', '#answer-q-2-source-1');
    await feed(
      live,
      frame('complete', {
        question: answered({
          question_id: 'q-2',
          text: FAMILY,
          answer: 'Only research students can bring a partner [1].',
          citations: [CITATIONS[0]],
        }),
      }),
    );

    expect(await screen.findByText('The answer is ready.', { selector: '[aria-live="polite"]' })).toBeInTheDocument();
    const sources = within(followUps).getByRole('list', { name: 'Sources of this answer' });
    expect(within(sources).getByRole('link', { name: 'Student visa' })).toHaveAttribute(
      'href',
      'https://www.gov.uk/student-visa',
    );
    expect(document.getElementById('answer-q-2-source-1')).toHaveTextContent('gov.uk · checked 26 Nov 2026');
    // The report's own sources keep their anchors.
    expect(document.getElementById('source-1')).toHaveTextContent('Student visa');
    expect(input).toHaveAccessibleDescription(/9 more follow-up questions are included/);
    // Once the answer has settled the chips are back, without the question asked.
    const again = await screen.findByRole('list', { name: 'Suggested follow-up questions' });
    expect(within(again).queryByRole('button', { name: FAMILY })).toBeNull();
  });

  it('shows the stored follow-ups of a reopened report without opening any stream', async () => {
    const seen = serve({ 'GET /reports/r-1/questions': () => json(200, { questions: [answered()], limit: 10 }) });
    renderSignedIn(<ReportPage reportId="r-1" />);
    await findComposer();
    const followUps = screen.getByRole('list', { name: 'Follow-up questions' });
    expect(
      within(followUps).getByText('Can I work while I study?', { selector: '[data-testid="user-message"]' }),
    ).toBeInTheDocument();
    expect(within(followUps).getByText(/Up to 20 hours a week in term time/)).toBeInTheDocument();
    expect(within(followUps).getByRole('link', { name: 'Source 2' })).toHaveAttribute('href', '#answer-q-1-source-2');
    expect(screen.getByLabelText(FOLLOW_UP_LABEL)).toHaveAccessibleDescription(/9 more follow-up questions/);
    expect(seen.some((request) => request.path.endsWith('/stream'))).toBe(false);
  });

  it('types a question and sends it with Enter; a failed answer is said plainly and gives its question back', async () => {
    serve({
      'GET /reports/r-1/questions': () => json(200, { questions: [], limit: 10, remaining: 10 }),
      'POST /reports/r-1/questions': ({ body }) =>
        json(201, {
          question: answered({
            question_id: 'q-3',
            text: (body as { text: string }).text,
            status: 'pending',
            answer: null,
            citations: null,
          }),
        }),
      'GET /reports/r-1/questions/q-3/stream': () =>
        sse([
          frame('status', { status: 'answering' }),
          frame('error', { code: 'ANSWER_FAILED', detail: 'The answer could not be written in time.' }),
        ]),
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    const user = userEvent.setup();
    await user.type(await findComposer(), 'Is the TB test needed?{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The answer could not be written in time. You can ask it again.',
    );
    expect(
      screen.getByText('The question could not be answered.', { selector: '[aria-live="polite"]' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(FOLLOW_UP_LABEL)).toHaveValue('');
    // A failed answer does not count against the report's follow-ups (said once the answer has settled).
    await waitFor(() =>
      expect(screen.getByLabelText(FOLLOW_UP_LABEL)).toHaveAccessibleDescription(
        /10 more follow-up questions are included/,
      ),
    );
  });

  it('gives a refused question the server’s reply, word for word, and counts nothing; without a limit no count is made up', async () => {
    const offTopic =
      'I can only answer questions about studying and working in the UK, from the sources behind this report.';
    serve({
      'GET /reports/r-1/questions': () => json(200, { questions: [] }),
      'POST /reports/r-1/questions': ({ body }) =>
        (body as { text: string }).text.includes('Canada')
          ? apiError(422, 'UK_ONLY', 'This MVP currently supports the UK only.')
          : apiError(422, 'OFF_TOPIC', offTopic),
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    const user = userEvent.setup();
    const input = await findComposer();
    await user.type(input, 'Could I study in Canada instead?{Enter}');
    const followUps = await screen.findByRole('list', { name: 'Follow-up questions' });
    expect(await within(followUps).findByText('This MVP currently supports the UK only.')).toBeInTheDocument();
    await user.type(input, 'What is the weather like?{Enter}');
    expect(await within(followUps).findByText(offTopic)).toBeInTheDocument();
    expect(
      within(followUps)
        .getAllByTestId('user-message')
        .map((bubble) => bubble.textContent),
    ).toEqual(['You: Could I study in Canada instead?', 'You: What is the weather like?']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();
    expect(input).toHaveAccessibleDescription(
      /answered from the same dated sources as the report\. Characters used:0\/500$/,
    );
  });

  it('says the 429 past the allowance plainly in the composer’s place and moves the focus to it', async () => {
    serve({
      'GET /reports/r-1/questions': () => json(200, { questions: [answered()], remaining: 1 }),
      'POST /reports/r-1/questions': () =>
        apiError(
          429,
          'FOLLOW_UP_LIMIT_REACHED',
          'This report has had its 10 follow-up questions. Start a new report to ask more.',
        ),
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    const user = userEvent.setup();
    await user.type(await findComposer(), 'One more?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const message = await screen.findByText(
      'This report has had its 10 follow-up questions. Start a new report to ask more.',
    );
    await waitFor(() => expect(message).toHaveFocus());
    expect(screen.queryByLabelText(FOLLOW_UP_LABEL)).toBeNull();
    expect(screen.queryByRole('list', { name: 'Suggested follow-up questions' })).toBeNull();
  });

  it('keeps the words and says why when asking fails, and has no composer once none are left', async () => {
    serve({
      'GET /reports/r-1/questions': () => json(200, { questions: [] }),
      'POST /reports/r-1/questions': () => apiError(429, 'RATE_LIMITED', 'Slow down.', { 'Retry-After': '30' }),
    });
    const { unmount } = renderSignedIn(<ReportPage reportId="r-1" />);
    const user = userEvent.setup();
    const input = await findComposer();
    await user.type(input, 'Can I bring my wife?{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests. Please try again in 30 seconds.');
    expect(input).toHaveValue('Can I bring my wife?');
    expect(input).toHaveFocus();
    unmount();

    serve({ 'GET /reports/r-1/questions': () => json(200, { questions: [answered()], limit: 1 }) });
    renderSignedIn(<ReportPage reportId="r-1" />);
    expect(
      await screen.findByText(/You have asked all the follow-up questions included with this report/),
    ).not.toHaveFocus();
    expect(screen.queryByLabelText(FOLLOW_UP_LABEL)).toBeNull();
  });

  it('follows a question still being answered when the report is reopened, and has no follow-ups on a server without them', async () => {
    serve({
      'GET /reports/r-1/questions': () =>
        json(200, { questions: [answered({ status: 'answering', answer: null, citations: null })] }),
      'GET /reports/r-1/questions/q-1/stream': () =>
        sse([
          frame('delta', { text: 'Twenty hours [1].' }),
          frame('complete', { question: answered({ answer: 'Twenty hours [1].' }) }),
        ]),
    });
    const { unmount } = renderSignedIn(<ReportPage reportId="r-1" />);
    expect(await screen.findByText('Twenty hours', { exact: false })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled());
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Suggested follow-up questions' })).toBeInTheDocument(),
    );
    unmount();

    serve({
      'GET /reports/r-1/questions': () => apiError(404, 'NOT_FOUND', 'Route GET:/reports/r-1/questions not found'),
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    await screen.findByRole('heading', { level: 2, name: 'Executive Summary' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByLabelText(FOLLOW_UP_LABEL)).toBeNull();
  });

  it('opens the composer under a report that has just been written live', async () => {
    serve({
      'GET /reports/r-1': () => json(200, makeReport({ status: 'generating', content: null, citations: null })),
      'GET /reports/r-1/stream': () => sse([frame('complete', { report: LONDON })]),
      'GET /reports/r-1/questions': () => json(200, { questions: [] }),
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    expect(await findComposer()).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'What if I study in Manchester instead of London?' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('article')).toHaveFocus();
  });
});
