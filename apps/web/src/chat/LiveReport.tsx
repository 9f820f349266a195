import { useState } from 'react';
import { useConfig } from '../api/ConfigContext.js';
import type { Report } from '../api/types.js';
import { describeFailure } from '../components/errorMessage.js';
import { ReportView } from '../report/ReportView.js';
import { StreamFrame } from './StreamFrame.js';
import { announcement } from './streamState.js';
import { useSettled } from './useEventStream.js';
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
 * text until the reader scrolls up (see `StreamFrame`). The finished report replaces the text with nothing added
 * above it, so the page does not jump.
 */
export function LiveReport({ reportId, onSettled }: LiveReportProps) {
  const [attempt, setAttempt] = useState(0);
  const state = useReportStream(reportId, attempt);
  const { payments_enabled: paid } = useConfig();
  const lastText = state.sections.at(-1)?.text.length ?? 0;
  const settled = useSettled(state.phase, state.report, onSettled);

  return (
    <StreamFrame
      phase={state.phase}
      message={announcement(state)}
      growth={`${state.sections.length}:${lastText}`}
      failure={state.error && describeFailure(state.error.detail, paid)}
      interruption={state.interruption}
      interruptedText="The connection to the report was interrupted. The report is still being written on our side."
      onReconnect={() => setAttempt((n) => n + 1)}
    >
      <ReportView
        report={state.report}
        streamed={state.sections}
        writingKey={state.current}
        busy={!settled}
        justWritten
      />
    </StreamFrame>
  );
}
