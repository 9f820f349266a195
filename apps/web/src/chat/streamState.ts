import type { Report, ReportStatus, ReportStreamEvent } from '../api/types.js';
import { sectionTitle } from '../report/sections.js';

/** A section as it is being written. */
export interface StreamSection {
  readonly key: string;
  readonly title: string;
  readonly text: string;
}

/** Where a followed report stands. */
export type StreamPhase = 'connecting' | 'writing' | 'complete' | 'failed' | 'interrupted';

/** Everything the live view shows, built from the stream's events. */
export interface StreamState {
  readonly phase: StreamPhase;
  readonly status: ReportStatus | null;
  readonly sections: readonly StreamSection[];
  /** The key of the section being written now. */
  readonly current: string | null;
  /** The stored report, once `complete` arrived. */
  readonly report: Report | null;
  /** Why the generation failed: the stream's `error` event. */
  readonly error: { readonly code: string; readonly detail: string } | null;
  /** Why the stream could not be followed (network, refused), when it was interrupted. */
  readonly interruption: string | null;
}

/** The state before the first event. */
export const INITIAL_STREAM_STATE: StreamState = {
  phase: 'connecting',
  status: null,
  sections: [],
  current: null,
  report: null,
  error: null,
  interruption: null,
};

function withSection(
  sections: readonly StreamSection[],
  key: string,
  change: (section: StreamSection) => StreamSection,
) {
  const index = sections.findIndex((section) => section.key === key);
  if (index === -1) return [...sections, change({ key, title: sectionTitle(key), text: '' })];
  return sections.map((section, i) => (i === index ? change(section) : section));
}

/** Applies one stream event (a pure reducer). */
export function applyStreamEvent(state: StreamState, event: ReportStreamEvent): StreamState {
  switch (event.type) {
    case 'status':
      return { ...state, status: event.status, phase: state.phase === 'connecting' ? 'writing' : state.phase };
    case 'section':
      return {
        ...state,
        phase: 'writing',
        current: event.key,
        sections: withSection(state.sections, event.key, (section) => ({
          ...section,
          title: event.title || section.title,
        })),
      };
    case 'delta':
      return {
        ...state,
        phase: 'writing',
        current: event.key,
        sections: withSection(state.sections, event.key, (section) => ({
          ...section,
          text: section.text + event.text,
        })),
      };
    case 'complete':
      return { ...state, phase: 'complete', current: null, status: event.report.status, report: event.report };
    case 'error':
      return {
        ...state,
        phase: 'failed',
        current: null,
        status: 'failed',
        error: { code: event.code, detail: event.detail },
      };
  }
}

/** What every followed stream's state has: where it stands and why it was interrupted. */
export interface Interruptible {
  readonly phase: StreamPhase;
  readonly interruption: string | null;
}

/**
 * Any stream ended without `complete` or `error`, or could not be opened (`reason` says why, in words).
 * A settled state is left as it is.
 */
export function interruptStream<S extends Interruptible>(state: S, reason: string | null = null): S {
  if (state.phase === 'complete' || state.phase === 'failed') return state;
  return { ...state, phase: 'interrupted', interruption: reason };
}

/** A report's stream was interrupted: no section is being written any more (see `interruptStream`). */
export function interrupt(state: StreamState, reason: string | null = null): StreamState {
  const next = interruptStream(state, reason);
  return next === state ? state : { ...next, current: null };
}

/** What the `aria-live` region announces for a state. */
export function announcement(state: StreamState): string {
  switch (state.phase) {
    case 'connecting':
      return 'Starting your report…';
    case 'writing': {
      const current = state.sections.find((section) => section.key === state.current);
      return current ? `Writing: ${current.title}` : 'Preparing your report…';
    }
    case 'complete':
      return 'Your report is ready.';
    case 'failed':
      return 'The report could not be written.';
    case 'interrupted':
      return 'The connection was interrupted.';
  }
}
