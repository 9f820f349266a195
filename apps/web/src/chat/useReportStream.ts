import { useCallback } from 'react';
import { useApi } from '../api/ApiContext.js';
import type { ReportStreamEvent } from '../api/types.js';
import { applyStreamEvent, INITIAL_STREAM_STATE, interrupt, type StreamState } from './streamState.js';
import { useEventStream, type StreamModel } from './useEventStream.js';

const REPORT_STREAM: StreamModel<ReportStreamEvent, StreamState> = {
  initial: INITIAL_STREAM_STATE,
  apply: applyStreamEvent,
  interrupt,
};

/**
 * Follows a report's live stream while the component is mounted (`attempt` restarts it), and returns what has
 * arrived so far, applied once per animation frame (see `useEventStream`).
 */
export function useReportStream(reportId: string, attempt = 0): StreamState {
  const api = useApi();
  const follow = useCallback(
    (onEvent: (event: ReportStreamEvent) => void, signal: AbortSignal) => api.followReport(reportId, onEvent, signal),
    [api, reportId],
  );
  return useEventStream(follow, REPORT_STREAM, attempt);
}
