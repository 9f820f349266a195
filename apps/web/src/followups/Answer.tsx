import { useState } from 'react';
import type { Question } from '../api/questions.js';
import { Notice } from '../components/Notice.js';
import { StreamFrame } from '../chat/StreamFrame.js';
import { useSettled } from '../chat/useEventStream.js';
import { Markdown } from '../report/Markdown.js';
import { SourcesList } from '../report/SourcesList.js';
import { answerAnnouncement } from './answerState.js';
import { useQuestionStream } from './useQuestionStream.js';

/** The anchor prefix of one answer's sources: each answer numbers its sources from 1, like a report. */
export const answerSourcePrefix = (questionId: string): string => `answer-${questionId}-source-`;

/** What a student reads when a follow-up could not be answered. */
export function describeAnswerFailure(detail: string | null | undefined): string {
  return `${detail || 'The question could not be answered.'} You can ask it again.`;
}

/** Props of `AnswerBody`. */
interface AnswerBodyProps {
  readonly question: Pick<Question, 'question_id' | 'citations'>;
  readonly text: string;
  readonly writing: boolean;
}

/** An answer's text with its `[n]` markers linked to its own sources, listed under it once they are known. */
function AnswerBody({ question, text, writing }: AnswerBodyProps) {
  const prefix = answerSourcePrefix(question.question_id);
  const citations = question.citations ?? [];
  return (
    <div className="space-y-3" aria-busy={writing || undefined}>
      <Markdown text={text} sourcePrefix={prefix} />
      {writing && (
        <span className="writing-caret" aria-hidden="true">
          ▍
        </span>
      )}
      {citations.length > 0 && <SourcesList citations={citations} prefix={prefix} label="Sources of this answer" />}
    </div>
  );
}

/** Props of `LiveAnswer`. */
export interface LiveAnswerProps {
  readonly reportId: string;
  readonly questionId: string;
  /** Called once when the answer is stored or has failed. */
  readonly onSettled?: (question: Question | null) => void;
}

/**
 * A follow-up's answer while it is written: the report's stream machinery (batched once a frame, announced to screen
 * readers, the page following the text), then the stored answer with its sources in the same place.
 */
export function LiveAnswer({ reportId, questionId, onSettled }: LiveAnswerProps) {
  const [attempt, setAttempt] = useState(0);
  const state = useQuestionStream(reportId, questionId, attempt);
  const settled = useSettled(state.phase, state.question, onSettled);
  return (
    <StreamFrame
      phase={state.phase}
      message={answerAnnouncement(state.phase)}
      growth={state.text.length}
      failure={state.error && describeAnswerFailure(state.error.detail)}
      interruption={state.interruption}
      interruptedText="The connection to the answer was interrupted. It is still being written on our side."
      onReconnect={() => setAttempt((n) => n + 1)}
    >
      {(state.text !== '' || state.question) && (
        <AnswerBody
          question={state.question ?? { question_id: questionId, citations: null }}
          text={state.text}
          writing={!settled}
        />
      )}
    </StreamFrame>
  );
}

/** A stored follow-up's answer (no AI call): its text and sources, why it failed, or the answer still being written. */
export function StoredAnswer({
  reportId,
  question,
  onSettled,
}: {
  readonly reportId: string;
  readonly question: Question;
  readonly onSettled?: LiveAnswerProps['onSettled'];
}) {
  switch (question.status) {
    case 'answered':
      return <AnswerBody question={question} text={question.answer ?? ''} writing={false} />;
    case 'failed':
      return <Notice tone="error">{describeAnswerFailure(question.error_message)}</Notice>;
    case 'pending':
    case 'answering':
      return <LiveAnswer reportId={reportId} questionId={question.question_id} onSettled={onSettled} />;
  }
}
