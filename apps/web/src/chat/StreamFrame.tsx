import type { ReactNode } from 'react';
import { Notice } from '../components/Notice.js';
import type { StreamPhase } from './streamState.js';
import { useAutoScroll } from './useAutoScroll.js';

/** Props of `StreamFrame`. */
export interface StreamFrameProps {
  readonly phase: StreamPhase;
  /** What the `aria-live` region announces, and the writing indicator shows. */
  readonly message: string;
  /** Changes whenever the text grows: the page follows it while the reader stays at the end. */
  readonly growth: unknown;
  /** The failure to show, in words, once the stream sent `error`. */
  readonly failure: string | null;
  /** Why the stream was interrupted, when it was; otherwise `interruptedText` is said. */
  readonly interruption: string | null;
  readonly interruptedText: string;
  readonly onReconnect: () => void;
  /** What is being written. */
  readonly children: ReactNode;
}

/**
 * What surrounds any text being written live (a report, a follow-up's answer): progress announced to screen
 * readers, a visible "writing" line, the page following the text until the reader scrolls up ("Jump to the latest"
 * brings it back), the failure in words, and "Reconnect" after an interruption.
 */
export function StreamFrame({
  phase,
  message,
  growth,
  failure,
  interruption,
  interruptedText,
  onReconnect,
  children,
}: StreamFrameProps) {
  const writing = phase === 'connecting' || phase === 'writing';
  const { following, jumpToLatest } = useAutoScroll(growth, writing);
  return (
    <div className="space-y-6">
      <p role="status" aria-live="polite" className="sr-only">
        {message}
      </p>
      {children}
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
      {phase === 'failed' && failure && <Notice tone="error">{failure}</Notice>}
      {phase === 'interrupted' && (
        <Notice tone="warning">
          {interruption ?? interruptedText}{' '}
          <button type="button" className="btn-secondary ml-1" onClick={onReconnect}>
            Reconnect
          </button>
        </Notice>
      )}
    </div>
  );
}
