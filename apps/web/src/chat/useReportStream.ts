import { useEffect, useReducer } from 'react';
import { useApi } from '../api/ApiContext.js';
import type { ReportStreamEvent } from '../api/types.js';
import { describeError } from '../components/errorMessage.js';
import { applyStreamEvent, INITIAL_STREAM_STATE, interrupt, type StreamState } from './streamState.js';

type Action =
  | { readonly type: 'events'; readonly events: readonly ReportStreamEvent[] }
  | { readonly type: 'end'; readonly reason: string | null }
  | { readonly type: 'reset' };

function reduce(state: StreamState, action: Action): StreamState {
  if (action.type === 'events') return action.events.reduce(applyStreamEvent, state);
  if (action.type === 'end') return interrupt(state, action.reason);
  return INITIAL_STREAM_STATE;
}

/** Runs `flush` at the next animation frame (or soon, where there are no frames: a hidden tab, tests). */
function nextFrame(flush: () => void): () => void {
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    const frame = requestAnimationFrame(flush);
    return () => cancelAnimationFrame(frame);
  }
  const timer = setTimeout(flush, 50);
  return () => clearTimeout(timer);
}

/**
 * Follows a report's live stream while the component is mounted (`attempt` restarts it), and returns what
 * has arrived so far. Events are applied in batches, once per animation frame, so a fast stream re-renders at
 * most once a frame. Leaving the page only stops reading: the server keeps writing.
 */
export function useReportStream(reportId: string, attempt = 0): StreamState {
  const api = useApi();
  const [state, dispatch] = useReducer(reduce, INITIAL_STREAM_STATE);

  useEffect(() => {
    const controller = new AbortController();
    let pending: ReportStreamEvent[] = [];
    let cancelFlush: (() => void) | null = null;
    const flush = (): void => {
      cancelFlush = null;
      const events = pending;
      pending = [];
      if (events.length > 0) dispatch({ type: 'events', events });
    };
    const receive = (event: ReportStreamEvent): void => {
      pending.push(event);
      cancelFlush ??= nextFrame(flush);
    };
    const end = (reason: string | null): void => {
      cancelFlush?.();
      flush();
      dispatch({ type: 'end', reason });
    };
    dispatch({ type: 'reset' });
    api
      .followReport(reportId, receive, controller.signal)
      .then(() => end(null))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        end(describeError(error));
      });
    return () => {
      controller.abort();
      cancelFlush?.();
    };
  }, [api, reportId, attempt]);

  return state;
}
