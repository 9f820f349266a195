import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { reportToMarkdown } from '../src/report/markdownExport.js';
import { ReportView } from '../src/report/ReportView.js';
import { SECTIONS } from '../src/report/sections.js';
import { makeReport } from './support/fixtures.js';

describe('ReportView', () => {
  it('shows the ten sections as h2 headings in the contract order, with a table of contents', () => {
    render(<ReportView report={makeReport()} />);
    const titles = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(titles).toEqual(SECTIONS.map((section) => section.title));
    const contents = screen.getByRole('navigation', { name: 'Contents' });
    const links = within(contents).getAllByRole('link');
    expect(links).toHaveLength(10);
    expect(links[3]).toHaveAttribute('href', '#section-visa_immigration');
    expect(document.getElementById('section-visa_immigration')).toHaveAccessibleName('Visa & Immigration Overview');
  });

  it('folds a section away when its title is pressed, and opens it again', async () => {
    const user = userEvent.setup();
    render(<ReportView report={makeReport()} />);
    const toggle = screen.getByRole('button', { name: 'Executive Summary' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Costs are high.')).toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('Costs are high.')).not.toBeVisible();
    await user.click(toggle);
    expect(screen.getByText('Costs are high.')).toBeVisible();
  });

  it('renders the summary bullets and the sub-headings', () => {
    render(<ReportView report={makeReport()} />);
    expect(screen.getByText('Costs are high.').tagName).toBe('LI');
    for (const name of ['Tuition Ranges', 'Living Costs', '30 Days', '60 Days', '90 Days']) {
      expect(screen.getByRole('heading', { level: 3, name })).toBeInTheDocument();
    }
  });

  it('links [2] to #source-2, whose entry shows title, link, accessed date and excerpt', () => {
    render(<ReportView report={makeReport()} />);
    const markers = screen.getAllByRole('link', { name: 'Source 2' });
    expect(markers.length).toBeGreaterThan(0);
    expect(markers[0]).toHaveAttribute('href', '#source-2');
    const entry = document.getElementById('source-2')!;
    expect(within(entry).getByRole('link', { name: 'Graduate visa' })).toHaveAttribute(
      'href',
      'https://www.gov.uk/graduate-visa',
    );
    expect(entry).toHaveTextContent('gov.uk · checked 20 Nov 2026');
    expect(entry).toHaveTextContent('A Graduate visa gives you permission to stay in the UK for at least 2 years.');
  });

  it('lists the sources once, collapsed, and opens them when a marker is followed', () => {
    render(<ReportView report={makeReport()} />);
    const sources = document.getElementById('section-sources')!;
    const details = sources.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(sources.querySelectorAll('.prose-report > *')).toHaveLength(0);
    expect(within(sources).getByText(/2 sources, each with its publisher/)).toBeInTheDocument();
    window.location.hash = '#source-2';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(details.open).toBe(true);
    window.location.hash = '';
  });

  it('says how long the report is kept and offers Markdown download and print', async () => {
    const { markdownFileName } = await import('../src/report/ReportActions.js');
    render(<ReportView report={makeReport({ expires_at: '2026-12-31T10:00:00.000Z' })} />);
    expect(screen.getByText('Kept until 31 Dec 2026 — download or print to keep it.')).toBeInTheDocument();
    const created = vi.fn(() => 'blob:report');
    const revoked = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    screen.getByRole('button', { name: 'Download Markdown' }).click();
    expect(created).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    expect(revoked).toHaveBeenCalledWith('blob:report');
    click.mockRestore();
    expect(markdownFileName('MSc Data Science!')).toBe('msc-data-science-uk-report.md');
    expect(markdownFileName('***')).toBe('report-uk-report.md');
    expect(screen.getByRole('button', { name: 'Print / Save as PDF' })).toBeInTheDocument();
  });

  it('shows the knowledge base date and the disclaimer', () => {
    render(<ReportView report={makeReport()} />);
    expect(screen.getByText(/Knowledge base as of 26 Nov 2026/)).toBeInTheDocument();
    const disclaimer = screen.getByRole('complementary', { name: 'Disclaimer' });
    expect(disclaimer).toHaveTextContent('not legal or immigration advice');
    expect(within(disclaimer).getByRole('link')).toHaveAttribute('href', 'https://www.gov.uk/student-visa');
  });

  it('prints and copies as Markdown', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const report = makeReport();
    render(<ReportView report={report} />);
    await user.click(screen.getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(writeText).toHaveBeenCalledWith(reportToMarkdown(report));
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
  });

  it('says so when the clipboard is blocked', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    render(<ReportView report={makeReport()} />);
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(await screen.findByText(/Could not copy/)).toBeInTheDocument();
  });

  it('renders nothing for a report without content', () => {
    const { container } = render(<ReportView report={makeReport({ content: null })} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('reportToMarkdown', () => {
  it('writes title, as-of date, every section, numbered sources and the disclaimer', () => {
    const markdown = reportToMarkdown(makeReport());
    expect(markdown.startsWith('# Nursing — studying and working in the UK\n')).toBe(true);
    expect(markdown).toContain('_Knowledge base as of 2026-11-26._');
    for (const section of SECTIONS) expect(markdown).toContain(`## ${section.title}\n`);
    expect(markdown).toContain('- Plan early.');
    expect(markdown).toContain('### Tuition Ranges\n\n£17,000–£25,000 per year [1].');
    expect(markdown).toContain(
      '2. [Graduate visa](https://www.gov.uk/graduate-visa) (accessed 2026-11-20) — "A Graduate visa',
    );
    expect(markdown).toContain('not legal or immigration advice');
  });

  it('copes with a report without content or citations', () => {
    const markdown = reportToMarkdown(makeReport({ content: null, citations: null }));
    expect(markdown).not.toContain('## ');
    expect(markdown).toContain('not legal or immigration advice');
  });
});
