import { useEffect, useMemo, useReducer } from 'react';
import { describeError } from '../components/errorMessage.js';

/** How a stream's events build what the view shows: a pure reducer, its start, and what an early end does. */
export interface StreamModel<E, S> {
  readonly initial: S;
  readonly apply: (state: S, event: E) => S;
  /** The stream ended without `complete` or `error`, or could not be opened (`reason` says why, in words). */
  readonly interrupt: (state: S, reason: string | null) => S;
}

/** Opens a stream: calls `onEvent` for each event; resolves when it ends; stops when `signal` aborts. */
export type FollowStream<E> = (onEvent: (event: E) => void, signal: AbortSignal) => Promise<void>;

type Action<E> =
  | { readonly type: 'events'; readonly events: readonly E[] }
  | { readonly type: 'end'; readonly reason: string | null }
  | { readonly type: 'reset' };

function reducerOf<E, S>(model: StreamModel<E, S>) {
  return (state: S, action: Action<E>): S => {
    if (action.type === 'events') return action.events.reduce(model.apply, state);
    if (action.type === 'end') return model.interrupt(state, action.reason);
    return model.initial;
  };
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
 * Follows a live stream while the component is mounted (a new `follow` or `attempt` restarts it) and returns what
 * has arrived so far. Events are applied in batches, once per animation frame, so a fast stream re-renders at most
 * once a frame. Leaving the page only stops reading: the server keeps writing. `follow` must be stable
 * (`useCallback`) and `model` a constant.
 */
export function useEventStream<E, S>(follow: FollowStream<E>, model: StreamModel<E, S>, attempt = 0): S {
  const reduce = useMemo(() => reducerOf(model), [model]);
  const [state, dispatch] = useReducer(reduce, model.initial);

  useEffect(() => {
    const controller = new AbortController();
    let pending: E[] = [];
    let cancelFlush: (() => void) | null = null;
    const flush = (): void => {
      cancelFlush = null;
      const events = pending;
      pending = [];
      if (events.length > 0) dispatch({ type: 'events', events });
    };
    const receive = (event: E): void => {
      pending.push(event);
      cancelFlush ??= nextFrame(flush);
    };
    const end = (reason: string | null): void => {
      cancelFlush?.();
      flush();
      dispatch({ type: 'end', reason });
    };
    dispatch({ type: 'reset' });
    follow(receive, controller.signal)
      .then(() => end(null))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        end(describeError(error));
      });
    return () => {
      controller.abort();
      cancelFlush?.();
    };
  }, [follow, attempt]);

  return state;
}

/** Calls `onSettled(value)` once the stream is complete or has failed; returns whether it has settled. */
export function useSettled<T>(phase: string, value: T, onSettled?: (value: T) => void): boolean {
  const settled = phase === 'complete' || phase === 'failed';
  useEffect(() => {
    if (settled) onSettled?.(value);
  }, [settled, value, onSettled]);
  return settled;
}
