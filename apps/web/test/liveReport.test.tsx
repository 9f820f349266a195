import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportPage } from '../src/report/ReportPage.js';
import { SECTIONS } from '../src/report/sections.js';
import { apiError, controlledSse, feed, frame, installFetch, json, sse } from './support/fakeFetch.js';
import { makeReport, PAID_CONFIG } from './support/fixtures.js';
import { renderSignedIn } from './support/render.js';

const PENDING = makeReport({ status: 'generating', content: null, citations: null, completed_at: null });
const LIST = {
  'GET /reports?limit=50&offset=0': () => json(200, { reports: [PENDING], total: 1, limit: 50, offset: 0 }),
};

/** Splits text into pieces of irregular size, so frames, lines and JSON are cut mid-way. */
function awkwardChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let at = 0, i = 0; at < text.length; i += 1) {
    const size = [1, 7, 3, 19, 2, 11][i % 6];
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

let scrollTo = vi.fn();
beforeEach(() => {
  scrollTo = vi.fn();
  window.scrollTo = scrollTo;
});

const sectionHeadings = (): string[] =>
  screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent ?? '');

describe('the live report', () => {
  it('shows headings in order as they arrive, grows the text, announces progress and ends with the stored report', async () => {
    const live = controlledSse();
    installFetch({
      ...LIST,
      'GET /reports/r-1': () => json(200, PENDING),
      'GET /reports/r-1/stream': () => live.response,
    });
    renderSignedIn(<ReportPage reportId="r-1" />);

    expect(await screen.findByText('Nursing', { selector: '[data-testid="user-message"]' })).toBeInTheDocument();
    await feed(live, 'event: status\ndata: {"status":"gener');
    await feed(
      live,
      'ating"}\n\n' + frame('section', { key: 'executive_summary', title: 'Executive Summary' }).slice(0, 30),
    );
    await feed(live, frame('section', { key: 'executive_summary', title: 'Executive Summary' }).slice(30));
    expect(sectionHeadings()).toEqual(['Executive Summary']);

    await feed(live, frame('delta', { key: 'executive_summary', text: '- Nursing leads to NMC ' }));
    expect(screen.getByText(/Nursing leads to NMC/)).toBeInTheDocument();
    await feed(live, frame('delta', { key: 'executive_summary', text: 'registration [1].\n' }));
    expect(screen.getByText(/Nursing leads to NMC registration/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Source 1' })).toHaveAttribute('href', '#source-1');

    await feed(live, frame('section', { key: 'visa_immigration', title: 'Visa & Immigration Overview' }));
    expect(sectionHeadings()).toEqual(['Executive Summary', 'Visa & Immigration Overview']);
    expect(
      screen.getByText('Writing: Visa & Immigration Overview', { selector: '[aria-live="polite"]' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Writing: Visa & Immigration Overview/, { selector: '.writing-indicator p' }),
    ).toBeInTheDocument();
    expect(scrollTo).toHaveBeenCalled();

    await feed(live, frame('complete', { report: makeReport() }));
    await waitFor(() => expect(sectionHeadings()).toEqual(SECTIONS.map((section) => section.title)));
    expect(screen.getByText('Your report is ready.', { selector: '[aria-live="polite"]' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy as Markdown' })).toBeInTheDocument();
    expect(document.getElementById('source-2')).toHaveTextContent('Graduate visa');
    expect(screen.queryByText(/Writing:/, { selector: '.writing-indicator p' })).toBeNull();
  });

  it('renders a recorded stream fed in awkward chunks', async () => {
    const recorded =
      frame('status', { status: 'generating' }) +
      SECTIONS.slice(0, 3)
        .map(
          (section) =>
            frame('section', { key: section.key, title: section.title }) +
            frame('delta', { key: section.key, text: `Text of ${section.key}. ` }) +
            frame('delta', { key: section.key, text: 'More £ text.' }),
        )
        .join('');
    installFetch({
      ...LIST,
      'GET /reports/r-1': () => json(200, PENDING),
      'GET /reports/r-1/stream': () => sse(awkwardChunks(recorded)),
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    await waitFor(() => expect(screen.getByText('Text of estimated_costs. More £ text.')).toBeInTheDocument());
    expect(sectionHeadings()).toEqual(SECTIONS.slice(0, 3).map((section) => section.title));
    expect(screen.getByText('Text of executive_summary. More £ text.')).toBeInTheDocument();
    // The server ended the stream without `complete`: the reader can reconnect.
    expect(await screen.findByRole('button', { name: 'Reconnect' })).toBeInTheDocument();
  });

  it('stops following the text once the reader scrolls up, offers "Jump to the latest", and follows again', async () => {
    const live = controlledSse();
    installFetch({
      ...LIST,
      'GET /reports/r-1': () => json(200, PENDING),
      'GET /reports/r-1/stream': () => live.response,
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    await feed(live, frame('section', { key: 'study_options', title: 'Study Options in the UK' }));
    await screen.findByRole('heading', { name: 'Study Options in the UK' });
    Object.defineProperty(document.documentElement, 'scrollHeight', { value: 5000, configurable: true });
    const scrollAt = async (y: number): Promise<void> => {
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
      await act(async () => {
        window.dispatchEvent(new Event('scroll'));
        await Promise.resolve();
      });
    };
    // The page grows under a reader at the end: still following.
    await scrollAt(5000 - window.innerHeight);
    expect(screen.queryByRole('button', { name: 'Jump to the latest' })).toBeNull();
    // The reader scrolls up.
    await scrollAt(100);
    const before = scrollTo.mock.calls.length;
    await feed(live, frame('delta', { key: 'study_options', text: 'More text.' }));
    expect(scrollTo.mock.calls.length).toBe(before);
    await userEvent.click(screen.getByRole('button', { name: 'Jump to the latest' }));
    expect(scrollTo).toHaveBeenLastCalledWith(0, 5000);
    expect(screen.queryByRole('button', { name: 'Jump to the latest' })).toBeNull();
    const afterJump = scrollTo.mock.calls.length;
    await feed(live, frame('delta', { key: 'study_options', text: ' Even more.' }));
    expect(scrollTo.mock.calls.length).toBe(afterJump + 1);
    Reflect.deleteProperty(document.documentElement, 'scrollHeight');
    Reflect.deleteProperty(window, 'scrollY');
  });

  it('puts nothing above the text when the report completes: actions and contents come after it, focus without scrolling', async () => {
    const live = controlledSse();
    installFetch({
      ...LIST,
      'GET /reports/r-1': () => json(200, PENDING),
      'GET /reports/r-1/stream': () => live.response,
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    await feed(
      live,
      frame('section', { key: 'executive_summary', title: 'Executive Summary' }) +
        frame('delta', { key: 'executive_summary', text: '- A point.' }),
    );
    await feed(live, frame('complete', { report: makeReport() }));
    const article = await screen.findByRole('article');
    const first = article.firstElementChild;
    expect(first?.tagName).toBe('SECTION');
    expect(first).toHaveAttribute('id', 'section-executive_summary');
    expect(article).toHaveFocus();
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    expect(
      document.getElementById('section-sources')!.compareDocumentPosition(contents) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });

  it('says a failed paid report has been refunded', async () => {
    installFetch({
      ...LIST,
      'GET /reports/r-1': () => json(200, PENDING),
      'GET /reports/r-1/stream': () =>
        sse([
          frame('status', { status: 'generating' }),
          frame('error', { code: 'GENERATION_FAILED', detail: 'The report could not be written in time.' }),
        ]),
    });
    renderSignedIn(<ReportPage reportId="r-1" />, PAID_CONFIG);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The report could not be written in time. You have been refunded.',
    );
    expect(
      screen.getByText('The report could not be written.', { selector: '[aria-live="polite"]' }),
    ).toBeInTheDocument();
  });

  it('offers to reconnect when the stream cannot be opened, and reconnects', async () => {
    let calls = 0;
    installFetch({
      ...LIST,
      'GET /reports/r-1': () => json(200, PENDING),
      'GET /reports/r-1/stream': () =>
        ++calls === 1 ? apiError(503, 'UNAVAILABLE', 'Down.') : sse([frame('complete', { report: makeReport() })]),
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    const reconnect = await screen.findByRole('button', { name: 'Reconnect' });
    expect(screen.getByText(/Something went wrong on our side/)).toBeInTheDocument();
    await userEvent.click(reconnect);
    expect(await screen.findByRole('heading', { level: 2, name: 'Sources & Citations' })).toBeInTheDocument();
  });
});

describe('ReportPage', () => {
  it('shows a stored report without opening the stream', async () => {
    const seen = installFetch({ ...LIST, 'GET /reports/r-1': () => json(200, makeReport()) });
    renderSignedIn(<ReportPage reportId="r-1" />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Executive Summary' })).toBeInTheDocument();
    expect(seen.some((request) => request.path.endsWith('/stream'))).toBe(false);
  });

  it('says "Report not found" for a 404 (someone else\'s report)', async () => {
    installFetch({ ...LIST, 'GET /reports/other': () => apiError(404, 'NOT_FOUND', 'Report not found.') });
    renderSignedIn(<ReportPage reportId="other" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Report not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a new report' })).toHaveAttribute('href', '/chat');
  });

  it('explains other load failures', async () => {
    installFetch({ ...LIST, 'GET /reports/r-1': () => apiError(500, 'INTERNAL', 'Oops.') });
    renderSignedIn(<ReportPage reportId="r-1" />);
    expect(await screen.findByRole('heading', { name: 'Could not open the report' })).toBeInTheDocument();
  });

  it('shows why a stored report failed, and that an expired one is gone', async () => {
    installFetch({
      ...LIST,
      'GET /reports/r-1': () =>
        json(200, makeReport({ status: 'failed', content: null, error_message: 'The writer timed out.' })),
    });
    const { unmount } = renderSignedIn(<ReportPage reportId="r-1" />, PAID_CONFIG);
    expect(await screen.findByRole('alert')).toHaveTextContent('The writer timed out. You have been refunded.');
    unmount();
    installFetch({ ...LIST, 'GET /reports/r-1': () => json(200, makeReport({ status: 'expired', content: null })) });
    renderSignedIn(<ReportPage reportId="r-1" />);
    expect(await screen.findByText(/This report has expired/)).toBeInTheDocument();
  });
});
