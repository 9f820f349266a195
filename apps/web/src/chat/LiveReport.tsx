import { useEffect, useState } from 'react';
import { useConfig } from '../api/ConfigContext.js';
import type { Report } from '../api/types.js';
import { describeFailure } from '../components/errorMessage.js';
import { Notice } from '../components/Notice.js';
import { ReportView } from '../report/ReportView.js';
import { SectionBlock } from '../report/SectionBlock.js';
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
 * The assistant's answer while it is being written: section headings appear as they arrive, their text grows,
 * progress is announced to screen readers, and the page follows the text until the reader scrolls up.
 */
export function LiveReport({ reportId, onSettled }: LiveReportProps) {
  const [attempt, setAttempt] = useState(0);
  const state = useReportStream(reportId, attempt);
  const { payments_enabled: paid } = useConfig();
  const lastText = state.sections.at(-1)?.text.length ?? 0;
  useAutoScroll(`${state.sections.length}:${lastText}:${state.phase}`);

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
      {state.report ? (
        <ReportView report={state.report} />
      ) : (
        <div className="space-y-6" aria-busy={!settled}>
          {state.sections.map((section) => (
            <SectionBlock
              key={section.key}
              sectionKey={section.key}
              title={section.title}
              text={section.text}
              writing={section.key === state.current}
            />
          ))}
        </div>
      )}
      {(state.phase === 'connecting' || state.phase === 'writing') && (
        <p className="writing-indicator print:hidden" aria-hidden="true">
          <span className="writing-dot" /> {message}
        </p>
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
