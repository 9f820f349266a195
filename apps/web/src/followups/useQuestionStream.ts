import { useCallback } from 'react';
import { useApi } from '../api/ApiContext.js';
import type { QuestionStreamEvent } from '../api/questions.js';
import { interruptStream } from '../chat/streamState.js';
import { useEventStream, type StreamModel } from '../chat/useEventStream.js';
import { applyAnswerEvent, INITIAL_ANSWER_STATE, type AnswerState } from './answerState.js';

const ANSWER_STREAM: StreamModel<QuestionStreamEvent, AnswerState> = {
  initial: INITIAL_ANSWER_STATE,
  apply: applyAnswerEvent,
  interrupt: interruptStream,
};

/** Follows a follow-up's answer as it is written, batched once a frame like a report (`attempt` restarts it). */
export function useQuestionStream(reportId: string, questionId: string, attempt = 0): AnswerState {
  const api = useApi();
  const follow = useCallback(
    (onEvent: (event: QuestionStreamEvent) => void, signal: AbortSignal) =>
      api.followQuestion(reportId, questionId, onEvent, signal),
    [api, reportId, questionId],
  );
  return useEventStream(follow, ANSWER_STREAM, attempt);
}
