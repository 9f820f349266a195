import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as ReactMarkdownModule from 'react-markdown';
import { ReportPage } from '../src/report/ReportPage.js';
import { controlledSse, feed, frame, installFetch, json } from './support/fakeFetch.js';
import { makeReport } from './support/fixtures.js';
import { renderSignedIn } from './support/render.js';

/** How often react-markdown parsed each block, keyed by the block's first word. */
const renders = new Map<string, number>();

vi.mock('react-markdown', async (importOriginal) => {
  const real = await importOriginal<typeof ReactMarkdownModule>();
  const Counted = (props: Parameters<typeof real.default>[0]) => {
    const first = String(props.children).split(' ')[0] ?? '';
    renders.set(first, (renders.get(first) ?? 0) + 1);
    return real.default(props);
  };
  return { ...real, default: Counted };
});

const PENDING = makeReport({ status: 'generating', content: null, citations: null, completed_at: null });

describe('the live report renders only the growing section, once a frame', () => {
  it('leaves finished sections alone and folds a burst of deltas into one render', async () => {
    const live = controlledSse();
    installFetch({
      'GET /reports?limit=50&offset=0': () => json(200, { reports: [PENDING], total: 1, limit: 50, offset: 0 }),
      'GET /reports/r-1': () => json(200, PENDING),
      'GET /reports/r-1/stream': () => live.response,
    });
    renderSignedIn(<ReportPage reportId="r-1" />);
    await screen.findByText('Nursing', { selector: '[data-testid="user-message"]' });
    await feed(
      live,
      frame('section', { key: 'executive_summary', title: 'Executive Summary' }) +
        frame('delta', { key: 'executive_summary', text: 'Summary text [1].' }),
    );
    await feed(
      live,
      frame('section', { key: 'study_options', title: 'Study Options in the UK' }) +
        frame('delta', { key: 'study_options', text: 'Options' }),
    );
    const summaryRenders = renders.get('Summary');
    const optionsBefore = renders.get('Options') ?? 0;

    // Twenty deltas in one burst, then five more one by one.
    await feed(
      live,
      Array.from({ length: 20 }, (_, i) => frame('delta', { key: 'study_options', text: ` part${i}` })).join(''),
    );
    for (let i = 0; i < 5; i += 1) await feed(live, frame('delta', { key: 'study_options', text: ` more${i}` }));

    expect(screen.getByText(/Options part0 .* more4/)).toBeInTheDocument();
    expect(renders.get('Summary')).toBe(summaryRenders);
    // One render for the burst and one for each later delta: six, not twenty-five.
    expect((renders.get('Options') ?? 0) - optionsBefore).toBe(6);

    // A finished block of the growing section is not parsed again either.
    await feed(live, frame('delta', { key: 'study_options', text: '\n\nSecond paragraph' }));
    const firstBlock = renders.get('Options');
    await feed(live, frame('delta', { key: 'study_options', text: ' grows.' }));
    expect(renders.get('Options')).toBe(firstBlock);
    expect(screen.getByText('Second paragraph grows.')).toBeInTheDocument();
  });
});
