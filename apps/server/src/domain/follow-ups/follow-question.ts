import type { QuestionRow, Repositories } from '@uksmr/database';
import type { ReportEventHub } from '../generation/event-hub.js';
import { followStored } from '../generation/follow.js';
import { toQuestionDto, type QuestionDto } from './question-dto.js';

/** The `code` of a stream `error` event when an answer failed. */
export const ANSWER_FAILED = 'ANSWER_FAILED';

/** The events of `GET /reports/{report_id}/questions/{question_id}/stream`: the report stream's kinds, without sections. */
export type QuestionStreamEvent =
  | { readonly event: 'status'; readonly data: { readonly status: QuestionRow['status'] } }
  | { readonly event: 'delta'; readonly data: { readonly text: string } }
  | { readonly event: 'complete'; readonly data: { readonly question: QuestionDto } }
  | { readonly event: 'error'; readonly data: { readonly code: string; readonly detail: string } };

/** What a reader needs to follow one question. */
export interface FollowQuestionOptions {
  readonly repos: Repositories;
  readonly hub: ReportEventHub;
  /** The owner's question, already loaded (ownership checked) by the caller. */
  readonly question: QuestionRow;
  readonly signal: AbortSignal;
  readonly pollMs?: number;
}

/** The stream of an answered question, replayed from storage: no AI call. */
export function* replayAnswered(question: QuestionRow): Generator<QuestionStreamEvent, void> {
  yield { event: 'delta', data: { text: question.answer ?? '' } };
  yield { event: 'complete', data: { question: toQuestionDto(question) } };
}

function failure(question: QuestionRow | null, errorData: unknown): QuestionStreamEvent {
  if (errorData) return { event: 'error', data: errorData as { code: string; detail: string } };
  const detail = question
    ? (question.errorMessage ?? 'This question could not be answered. Please ask again.')
    : 'This question is no longer available.';
  return { event: 'error', data: { code: ANSWER_FAILED, detail } };
}

/**
 * Follows a question: `status` at once; an answered one replayed from storage (the whole answer as one `delta`, then
 * `complete`); a failed one as `error`; one being answered followed through its stored events until `complete`
 * (with whatever text the reader missed) or `error`.
 */
export async function* followQuestion(options: FollowQuestionOptions): AsyncGenerator<QuestionStreamEvent, void> {
  const { repos, hub, question, signal, pollMs } = options;
  yield { event: 'status', data: { status: question.status } };
  if (question.status === 'answered') {
    yield* replayAnswered(question);
    return;
  }
  if (question.status === 'failed') {
    yield failure(question, null);
    return;
  }
  let sent = '';
  yield* followStored<QuestionRow, QuestionStreamEvent>({
    id: question.questionId,
    hub,
    signal,
    pollMs,
    listAfter: (seq) => repos.questionEvents.listAfter(question.questionId, seq),
    reload: () => repos.questions.getForOwner(question.userId, question.reportId, question.questionId),
    inProgress: (row) => row.status === 'pending' || row.status === 'answering',
    record: (event) => {
      if (event.event === 'delta') sent += event.data.text;
    },
    *finish(final, errorData) {
      if (final?.status !== 'answered') {
        yield failure(final, errorData);
        return;
      }
      const answer = final.answer ?? '';
      if (answer.length > sent.length && answer.startsWith(sent))
        yield { event: 'delta', data: { text: answer.slice(sent.length) } };
      yield { event: 'complete', data: { question: toQuestionDto(final) } };
    },
  });
}
