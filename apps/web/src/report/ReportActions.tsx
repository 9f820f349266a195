import { useState } from 'react';
import type { Report } from '../api/types.js';
import { reportToMarkdown } from './markdownExport.js';

/** "Print / Save as PDF" and "Copy as Markdown", hidden in print. */
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
      <button type="button" className="btn-secondary" onClick={() => window.print()}>
        Print / Save as PDF
      </button>
      <button type="button" className="btn-secondary" onClick={() => void copy()}>
        Copy as Markdown
      </button>
      <span role="status" className="text-sm text-slate-700">
        {copyState === 'copied' && 'Copied to the clipboard.'}
        {copyState === 'failed' && 'Could not copy: your browser blocked the clipboard. Use Print / Save as PDF instead.'}
      </span>
    </div>
  );
}
