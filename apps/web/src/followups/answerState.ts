import type { Question, QuestionStatus, QuestionStreamEvent } from '../api/questions.js';
import type { Interruptible, StreamPhase } from '../chat/streamState.js';

/** A follow-up's answer as it is being written, built from its stream's events. */
export interface AnswerState extends Interruptible {
  readonly phase: StreamPhase;
  readonly status: QuestionStatus | null;
  /** The answer's text so far (Markdown with `[n]` markers). */
  readonly text: string;
  /** The stored question with its answer and citations, once `complete` arrived. */
  readonly question: Question | null;
  /** Why the answer could not be written: the stream's `error` event. */
  readonly error: { readonly code: string; readonly detail: string } | null;
}

/** The state before the first event. */
export const INITIAL_ANSWER_STATE: AnswerState = {
  phase: 'connecting',
  status: null,
  text: '',
  question: null,
  error: null,
  interruption: null,
};

/** Applies one event of a follow-up's stream (a pure reducer). */
export function applyAnswerEvent(state: AnswerState, event: QuestionStreamEvent): AnswerState {
  switch (event.type) {
    case 'status':
      return { ...state, status: event.status, phase: state.phase === 'connecting' ? 'writing' : state.phase };
    case 'delta':
      return { ...state, phase: 'writing', text: state.text + event.text };
    case 'complete':
      return {
        ...state,
        phase: 'complete',
        status: event.question.status,
        question: event.question,
        text: event.question.answer ?? state.text,
      };
    case 'error':
      return { ...state, phase: 'failed', status: 'failed', error: { code: event.code, detail: event.detail } };
  }
}

/** What the `aria-live` region announces while a follow-up is answered. */
export function answerAnnouncement(phase: StreamPhase): string {
  switch (phase) {
    case 'connecting':
      return 'Looking up the answer…';
    case 'writing':
      return 'Writing the answer…';
    case 'complete':
      return 'The answer is ready.';
    case 'failed':
      return 'The question could not be answered.';
    case 'interrupted':
      return 'The connection was interrupted.';
  }
}
