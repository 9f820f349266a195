import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../api/ApiContext.js';
import { ApiError } from '../api/errors.js';
import { FOLLOW_UP_LIMIT_REACHED, QUESTION_REFUSALS, type Question, type QuestionList } from '../api/questions.js';
import type { Report } from '../api/types.js';
import { Composer } from '../chat/Composer.js';
import { describeError } from '../components/errorMessage.js';
import { MessageBubble } from '../components/MessageBubble.js';
import { Notice } from '../components/Notice.js';
import { StoredAnswer } from './Answer.js';
import { suggestedQuestions } from './suggestions.js';

/** The follow-up composer's label. */
export const FOLLOW_UP_LABEL = 'Ask a follow-up about this report';

/** Where the follow-ups stand: loading, not offered by this server, or loaded with what is left of the allowance. */
type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'unavailable' }
  | { readonly state: 'error'; readonly message: string }
  | { readonly state: 'loaded' };

/** Follow-ups still allowed, from the list: the server's `remaining`, or its `limit` less those that count; null when unsaid. */
export function remainingOf(
  list: Pick<QuestionList, 'questions'> & Partial<Pick<QuestionList, 'limit' | 'remaining'>>,
): number | null {
  if (typeof list.remaining === 'number') return list.remaining;
  if (typeof list.limit === 'number')
    return Math.max(0, list.limit - list.questions.filter((q) => q.status !== 'failed').length);
  return null;
}

/** One exchange under the report: a stored question and its answer, or a question refused before it was stored. */
type Turn =
  | { readonly kind: 'asked'; readonly question: Question }
  | { readonly kind: 'refused'; readonly id: string; readonly text: string; readonly detail: string };

const turnKey = (turn: Turn): string => (turn.kind === 'asked' ? turn.question.question_id : turn.id);

/** "You can ask 9 more follow-up questions about this report." */
export function remainingLabel(remaining: number | null): string {
  const base = 'Questions about studying or working in the UK, answered from the same dated sources as the report.';
  if (remaining === null) return base;
  return `${base} ${remaining === 1 ? 'One more follow-up question is' : `${remaining} more follow-up questions are`} included with this report.`;
}

/** What is said once the report's allowance is used up (the 429's own words when there was one). */
const ALL_ASKED =
  'You have asked all the follow-up questions included with this report. You can start a new report at any time.';

/**
 * The chat under a completed report: its stored follow-ups with their answers and sources (from `GET …/questions`,
 * never a new AI call), the answer being written streamed live, and the composer "Ask a follow-up about this
 * report" with three questions suggested from the report's profile. A refusal (UK only, off topic) is the
 * assistant's reply in the server's words; the allowance left is said under the input (a failed answer gives its
 * question back); past it the server's 429 is said plainly in the composer's place.
 */
export function FollowUps({ report }: { readonly report: Report }) {
  const api = useApi();
  const reportId = report.report_id;
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const limitRef = useRef<HTMLParagraphElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [turns, setTurns] = useState<readonly Turn[]>([]);
  const [remaining, setRemaining] = useState<number | null>(null);
  const [limitMessage, setLimitMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [value, setValue] = useState('');
  const [sending, setSending] = useState(false);
  const [answering, setAnswering] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api
      .listQuestions(reportId)
      .then((list) => {
        if (!current) return;
        setTurns(list.questions.map((question) => ({ kind: 'asked', question })));
        setRemaining(remainingOf(list));
        setAnswering(
          list.questions.find((q) => q.status === 'pending' || q.status === 'answering')?.question_id ?? null,
        );
        setLoad({ state: 'loaded' });
      })
      .catch((error: unknown) => {
        if (!current) return;
        // A server without follow-ups answers 404: the report is shown as before, without the composer.
        setLoad(
          error instanceof ApiError && error.status === 404
            ? { state: 'unavailable' }
            : { state: 'error', message: describeError(error) },
        );
      });
    return () => {
      current = false;
    };
  }, [api, reportId]);

  const onSettled = useCallback((answered: Question | null) => {
    setAnswering(null);
    // A failed answer does not count against the report's follow-ups.
    if (!answered || answered.status === 'failed') setRemaining((left) => (left === null ? null : left + 1));
  }, []);

  const used = remaining === 0 || limitMessage !== null;
  // The composer gives way to the message once the allowance is used up here: the focus goes with it (not when a
  // reopened report has none left, where nothing had the focus).
  const offered = useRef(false);
  useEffect(() => {
    if (load.state !== 'loaded') return;
    if (used && offered.current) limitRef.current?.focus();
    offered.current = !used;
  }, [used, load.state]);

  const ask = async (text: string): Promise<void> => {
    setProblem(null);
    setSending(true);
    // The input keeps the focus (a chip that was pressed goes away while the answer is written).
    inputRef.current?.focus();
    try {
      const { question } = await api.askQuestion(reportId, text);
      setTurns((list) => [...list, { kind: 'asked', question }]);
      setAnswering(question.question_id);
      setRemaining((left) => (left === null ? null : Math.max(0, left - 1)));
      setValue((typed) => (typed.trim() === text ? '' : typed));
    } catch (error) {
      if (error instanceof ApiError && error.status === 429 && error.code === FOLLOW_UP_LIMIT_REACHED) {
        setLimitMessage(error.detail || ALL_ASKED);
      } else if (error instanceof ApiError && error.status === 422 && QUESTION_REFUSALS.has(error.code)) {
        // Refused before anything was stored: the reply is the server's, word for word, and nothing was counted.
        setTurns((list) => [...list, { kind: 'refused', id: `refused-${list.length}`, text, detail: error.detail }]);
        setValue((typed) => (typed.trim() === text ? '' : typed));
      } else {
        setProblem(describeError(error));
        inputRef.current?.focus();
      }
    } finally {
      setSending(false);
    }
  };

  const asked = useMemo(
    () => new Set(turns.map((turn) => (turn.kind === 'asked' ? turn.question.text : turn.text).trim().toLowerCase())),
    [turns],
  );
  const suggestions = suggestedQuestions(report.subject, report.profile).filter((q) => !asked.has(q.toLowerCase()));
  const busy = sending || answering !== null;

  if (load.state === 'loading' || load.state === 'unavailable') return null;
  return (
    <div className="space-y-6">
      {turns.length > 0 && (
        // Printing keeps to the report itself (the questions' bubbles are not printed, so the answers would stand alone).
        <ol className="space-y-4 print:hidden" aria-label="Follow-up questions">
          {turns.map((turn) => (
            <li key={turnKey(turn)} className="space-y-4">
              <MessageBubble role="user">{turn.kind === 'asked' ? turn.question.text : turn.text}</MessageBubble>
              <MessageBubble role="assistant">
                {turn.kind === 'asked' ? (
                  <StoredAnswer reportId={reportId} question={turn.question} onSettled={onSettled} />
                ) : (
                  <p>{turn.detail}</p>
                )}
              </MessageBubble>
            </li>
          ))}
        </ol>
      )}
      {load.state === 'error' && (
        <Notice tone="error">The earlier follow-up questions could not be loaded. {load.message}</Notice>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      {used ? (
        <p
          ref={limitRef}
          tabIndex={-1}
          className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-900 focus:outline-none print:hidden"
        >
          {limitMessage ?? ALL_ASKED}
        </p>
      ) : (
        <div className="space-y-3 print:hidden">
          <Composer
            value={value}
            onChange={setValue}
            onSubmit={(text) => void ask(text)}
            busy={busy}
            labelStyle="heading"
            label={FOLLOW_UP_LABEL}
            placeholder="e.g. Can I work while I study?"
            hint={remainingLabel(remaining)}
            inputRef={inputRef}
          />
          {!busy && suggestions.length > 0 && (
            <ul className="flex flex-wrap gap-2" aria-label="Suggested follow-up questions">
              {suggestions.map((suggestion) => (
                <li key={suggestion}>
                  <button type="button" className="chip" onClick={() => void ask(suggestion)}>
                    {suggestion}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
