import { useState } from 'react';
import type { Report } from '../api/types.js';
import { formatDate } from '../components/dates.js';
import { reportToMarkdown } from './markdownExport.js';

/** `nursing-uk-report.md`: the downloaded file's name. */
export function markdownFileName(subject: string): string {
  const slug =
    subject
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report';
  return `${slug}-uk-report.md`;
}

/** Saves the report as a Markdown file (a Blob URL clicked once). */
function download(report: Report): void {
  const url = URL.createObjectURL(new Blob([reportToMarkdown(report)], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = markdownFileName(report.subject);
  link.click();
  URL.revokeObjectURL(url);
}

/** "Kept until …", "Download Markdown", "Print / Save as PDF" and "Copy as Markdown", hidden in print. */
export function ReportActions({ report }: { readonly report: Report }) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(reportToMarkdown(report));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <p className="w-full text-sm font-medium text-slate-900">
        Kept until {formatDate(report.expires_at)} — download or print to keep it.
      </p>
      <button type="button" className="btn-secondary" onClick={() => download(report)}>
        Download Markdown
      </button>
      <button type="button" className="btn-secondary" onClick={() => window.print()}>
        Print / Save as PDF
      </button>
      <button type="button" className="btn-secondary" onClick={() => void copy()}>
        Copy as Markdown
      </button>
      <span role="status" className="text-sm text-slate-700">
        {copyState === 'copied' && 'Copied to the clipboard.'}
        {copyState === 'failed' &&
          'Could not copy: your browser blocked the clipboard. Use Print / Save as PDF instead.'}
      </span>
    </div>
  );
}
