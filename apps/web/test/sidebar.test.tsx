import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { daysLeft, formatDate } from '../src/components/dates.js';
import { Sidebar } from '../src/history/Sidebar.js';
import { daysLeftLabel } from '../src/history/ReportListItem.js';
import { navigate } from '../src/router/router.js';
import { apiError, installFetch, json } from './support/fakeFetch.js';
import { makeReport } from './support/fixtures.js';
import { renderSignedIn } from './support/render.js';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number): string => new Date(Date.now() + days * DAY - 60_000).toISOString();

const OLD = makeReport({
  report_id: 'r-old',
  subject: 'Law',
  created_at: '2026-11-01T09:00:00.000Z',
  expires_at: inDays(5),
});
const NEW = makeReport({
  report_id: 'r-new',
  subject: 'MBA',
  status: 'generating',
  created_at: '2026-11-25T09:00:00.000Z',
  expires_at: inDays(29),
});
const MID = makeReport({
  report_id: 'r-mid',
  subject: 'Nursing',
  status: 'failed',
  created_at: '2026-11-10T09:00:00.000Z',
  expires_at: inDays(1),
});

function listRoute(reports = [OLD, NEW, MID]) {
  return {
    'GET /reports?limit=50&offset=0': () => json(200, { reports, total: reports.length, limit: 50, offset: 0 }),
  };
}

describe('Sidebar', () => {
  it('lists the reports newest first with date, status and days left', async () => {
    installFetch(listRoute());
    renderSignedIn(<Sidebar currentReportId="r-mid" />);
    const nav = screen.getByRole('navigation', { name: 'Your reports' });
    await waitFor(() => expect(within(nav).getAllByRole('listitem')).toHaveLength(3));
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/reports/r-new',
      '/reports/r-mid',
      '/reports/r-old',
    ]);
    expect(links[0]).toHaveTextContent('MBA');
    expect(links[0]).toHaveTextContent(/25 Nov \d\d:\d\d · Writing · 29 days left/);
    expect(links[1]).toHaveTextContent('Failed · 1 day left');
    expect(links[1]).toHaveAttribute('aria-current', 'page');
    expect(links[2]).toHaveTextContent(/1 Nov \d\d:\d\d · Ready · 5 days left/);
  });

  it('deletes a report only after confirmation', async () => {
    const user = userEvent.setup();
    const seen = installFetch({ ...listRoute(), 'DELETE /reports/r-old': () => json(204, null) });
    renderSignedIn(<Sidebar currentReportId={null} />);
    await user.click(await screen.findByRole('button', { name: 'Delete report: Law' }));
    const confirm = screen.getByRole('group', { name: 'Confirm deletion of Law' });
    expect(confirm).toHaveTextContent(
      'Delete this report? It leaves your list and can no longer be opened, at once. The stored copy is erased 90 days after it was written, on 30 Jan 2027.',
    );
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(seen.some((request) => request.method === 'DELETE')).toBe(false);
    expect(screen.getByRole('link', { name: /Law/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete report: Law' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: /Law/ })).toBeNull());
    expect(seen.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([
      '/reports/r-old',
    ]);
  });

  it('leaves the page of a report it deleted, and reports a failed delete', async () => {
    const user = userEvent.setup();
    navigate('/reports/r-new');
    installFetch({
      ...listRoute(),
      'DELETE /reports/r-new': () => json(204, null),
      'DELETE /reports/r-old': () => apiError(500, 'INTERNAL', 'x'),
    });
    renderSignedIn(<Sidebar currentReportId="r-new" />);
    await user.click(await screen.findByRole('button', { name: 'Delete report: MBA' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(window.location.pathname).toBe('/chat'));
    await user.click(screen.getByRole('button', { name: 'Delete report: Law' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side');
  });

  it('has "New report", collapses on small screens, and says when the list is empty or failed', async () => {
    const user = userEvent.setup();
    installFetch(listRoute([]));
    navigate('/reports/x');
    const { unmount } = renderSignedIn(<Sidebar currentReportId={null} />);
    expect(await screen.findByText(/No reports yet/)).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show reports' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide reports' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'New report' }));
    expect(window.location.pathname).toBe('/chat');
    unmount();
    installFetch({ 'GET /reports?limit=50&offset=0': () => apiError(401, 'UNAUTHORIZED', 'x') });
    renderSignedIn(<Sidebar currentReportId={null} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Your session has ended');
  });
});

describe('dates', () => {
  it('counts whole days left, never below zero', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    expect(daysLeft('2026-12-26T12:00:00Z', now)).toBe(30);
    expect(daysLeft('2026-11-26T13:00:00Z', now)).toBe(1);
    expect(daysLeft('2026-11-01T00:00:00Z', now)).toBe(0);
    expect(daysLeft('not a date', now)).toBe(0);
    expect(daysLeftLabel('2026-11-01T00:00:00Z', now)).toBe('Deleted today');
  });

  it('formats dates the British way', () => {
    expect(formatDate('2026-11-26')).toBe('26 Nov 2026');
    expect(formatDate('nonsense')).toBe('nonsense');
  });
});

describe('the sidebar line of a report', () => {
  it('shows the time and the profile, so two reports on one subject differ', async () => {
    const { reportLine } = await import('../src/history/ReportListItem.js');
    const at = '2026-12-01T14:05:00.000Z';
    const local = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
    expect(
      reportLine(
        makeReport({
          created_at: at,
          profile: { level: 'undergraduate', intake: '2027-09', city: 'London', nationality: null },
        }),
      ),
    ).toBe(`1 Dec ${local} · Sept 2027 · London`);
    expect(
      reportLine(makeReport({ created_at: at, profile: { level: null, intake: null, city: null, nationality: null } })),
    ).toBe(`1 Dec ${local}`);
    expect(reportLine(makeReport({ created_at: 'not a date' }))).toBe('not a date');
  });
});
