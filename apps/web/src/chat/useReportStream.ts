import { useEffect, useReducer } from 'react';
import { useApi } from '../api/ApiContext.js';
import type { ReportStreamEvent } from '../api/types.js';
import { describeError } from '../components/errorMessage.js';
import { applyStreamEvent, INITIAL_STREAM_STATE, interrupt, type StreamState } from './streamState.js';

type Action = { readonly type: 'event'; readonly event: ReportStreamEvent } | { readonly type: 'end'; readonly reason: string | null } | { readonly type: 'reset' };

function reduce(state: StreamState, action: Action): StreamState {
  if (action.type === 'event') return applyStreamEvent(state, action.event);
  if (action.type === 'end') return interrupt(state, action.reason);
  return INITIAL_STREAM_STATE;
}

/**
 * Follows a report's live stream while the component is mounted (`attempt` restarts it), and returns what
 * has arrived so far. Leaving the page only stops reading: the server keeps writing.
 */
export function useReportStream(reportId: string, attempt = 0): StreamState {
  const api = useApi();
  const [state, dispatch] = useReducer(reduce, INITIAL_STREAM_STATE);

  useEffect(() => {
    const controller = new AbortController();
    dispatch({ type: 'reset' });
    api
      .followReport(reportId, (event) => dispatch({ type: 'event', event }), controller.signal)
      .then(() => dispatch({ type: 'end', reason: null }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        dispatch({ type: 'end', reason: describeError(error) });
      });
    return () => controller.abort();
  }, [api, reportId, attempt]);

  return state;
}
