import { useEffect, useState } from 'react';
import { useConfig } from '../api/ConfigContext.js';
import type { Report } from '../api/types.js';
import { describeFailure } from '../components/errorMessage.js';
import { Notice } from '../components/Notice.js';
import { ReportView } from '../report/ReportView.js';
import { announcement } from './streamState.js';
import { useAutoScroll } from './useAutoScroll.js';
import { useReportStream } from './useReportStream.js';

/** Props of `LiveReport`. */
export interface LiveReportProps {
  readonly reportId: string;
  /** Called once when the report is complete or has failed. */
  readonly onSettled?: (report: Report | null) => void;
}

/**
 * The assistant's answer while it is being written: section headings appear as they arrive, only the growing
 * section re-renders (once a frame at most), progress is announced to screen readers, and the page follows the
 * text until the reader scrolls up, when "Jump to the latest" brings it back. The finished report replaces the
 * text with nothing added above it, so the page does not jump.
 */
export function LiveReport({ reportId, onSettled }: LiveReportProps) {
  const [attempt, setAttempt] = useState(0);
  const state = useReportStream(reportId, attempt);
  const { payments_enabled: paid } = useConfig();
  const lastText = state.sections.at(-1)?.text.length ?? 0;
  const writing = state.phase === 'connecting' || state.phase === 'writing';
  const { following, jumpToLatest } = useAutoScroll(`${state.sections.length}:${lastText}`, writing);

  const settled = state.phase === 'complete' || state.phase === 'failed';
  useEffect(() => {
    if (settled) onSettled?.(state.report);
  }, [settled, state.report, onSettled]);

  const message = announcement(state);
  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" className="sr-only">
        {message}
      </p>
      <ReportView report={state.report} streamed={state.sections} writingKey={state.current} busy={!settled} justWritten />
      {writing && (
        <div className="writing-indicator print:hidden">
          <p aria-hidden="true" className="flex items-center gap-2">
            <span className="writing-dot" /> {message}
          </p>
          {!following && (
            <button type="button" className="btn-secondary" onClick={jumpToLatest}>
              Jump to the latest
            </button>
          )}
        </div>
      )}
      {state.phase === 'failed' && state.error && (
        <Notice tone="error">{describeFailure(state.error.detail, paid)}</Notice>
      )}
      {state.phase === 'interrupted' && (
        <Notice tone="warning">
          {state.interruption ?? 'The connection to the report was interrupted. The report is still being written on our side.'}{' '}
          <button type="button" className="btn-secondary ml-1" onClick={() => setAttempt((n) => n + 1)}>
            Reconnect
          </button>
        </Notice>
      )}
    </div>
  );
}
