import { useEffect, useRef, useState } from 'react';
import { SUBJECT_MAX_LENGTH } from '@uksmr/contract/plain';
import { useApi } from '../api/ApiContext.js';
import { useConfig } from '../api/ConfigContext.js';
import { ApiError } from '../api/errors.js';
import type { ProfileAnswers, QueryQuestion, QueryReading } from '../api/types.js';
import { describeError, isRefusal } from '../components/errorMessage.js';
import { MessageBubble } from '../components/MessageBubble.js';
import { Notice } from '../components/Notice.js';
import { useHistory } from '../history/HistoryContext.js';
import { clearPendingSubject, readPendingSubject, savePendingSubject } from '../payments/pendingSubject.js';
import { formatPrice, payButtonLabel } from '../payments/price.js';
import { navigate } from '../router/router.js';
import { Composer } from './Composer.js';
import { describeProfile, knownProfile, nextSteps, NOT_SURE, optionLabel, withAnswer } from './conversation.js';
import { SuggestionChips } from './SuggestionChips.js';

/** A chip under the assistant's reply: an answer to its question, or words to send instead. */
export interface ChatChip {
  readonly label: string;
  readonly onPick: () => void;
}

/** One turn of the chat before a report exists: the student's words or the assistant's reply. */
export interface ChatMessage {
  readonly id: number;
  readonly role: 'user' | 'assistant';
  readonly text: string;
  readonly tone: 'normal' | 'error';
  /** Chips offered with this reply (only the latest reply's are live). */
  readonly chips?: readonly ChatChip[];
  /** This reply closes the questions: it offers to create (or pay for) the report. */
  readonly offersReport?: boolean;
}

/** Props of `ChatPage`. */
export interface ChatPageProps {
  /** True on the return from a cancelled Stripe Checkout (`/chat?payment=cancelled`). */
  readonly paymentCancelled: boolean;
  /** Leaves the app for Stripe Checkout (a full page load). */
  readonly redirect?: (url: string) => void;
}

/** What the chat knows about the report it is about to create. */
interface Draft {
  readonly words: string;
  readonly reading: QueryReading | null;
  readonly answers: ProfileAnswers;
  readonly questions: readonly QueryQuestion[];
}

const leaveForCheckout = (url: string): void => window.location.assign(url);

/**
 * The chat: the student's words go to `POST /queries`; the assistant says what the report will cover, asks what is
 * still worth asking with option chips (and "Not sure"), shows the price, and only then creates the report or
 * sends the student to Stripe Checkout with the answers. Refusals come back as replies with a next step.
 * A server without `/queries` (404) gets the words straight to `POST /reports`.
 */
export function ChatPage({ paymentCancelled, redirect = leaveForCheckout }: ChatPageProps) {
  const api = useApi();
  const history = useHistory();
  const config = useConfig();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const nextId = useRef(0);
  const [value, setValue] = useState(() => (paymentCancelled ? (readPendingSubject() ?? '') : ''));
  const [messages, setMessages] = useState<readonly ChatMessage[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const price = config.payments_enabled ? config.price_gbp : null;
  // After sign-in (and on every new chat) the student can type at once.
  useEffect(() => inputRef.current?.focus(), []);

  const say = (message: Omit<ChatMessage, 'id' | 'tone'> & { tone?: ChatMessage['tone'] }): void => {
    nextId.current += 1;
    const said = { tone: 'normal' as const, ...message, id: nextId.current };
    setMessages((list) => [...list, said]);
  };

  const failed = (error: unknown, words: string): void => {
    if (isRefusal(error)) {
      const chips = nextSteps(error.code, words).map((step) => ({
        label: step.label,
        onPick: () => void send(step.words),
      }));
      say({ role: 'assistant', text: error.detail, chips });
    } else {
      say({ role: 'assistant', text: describeError(error), tone: 'error' });
    }
    setBusy(null);
    inputRef.current?.focus();
  };

  const create = async (draft: Draft): Promise<void> => {
    setBusy(price === null ? 'Starting your report…' : 'Opening the secure payment page…');
    // Without /queries (its fallback), the words as typed, cut to the longest subject POST /reports takes.
    const subject = draft.reading?.subject ?? draft.words.slice(0, SUBJECT_MAX_LENGTH);
    try {
      // What the words already said (read by /queries) travels with the answers: the subject sent is only the
      // subject, so the server could not read "in London" out of it again.
      const result = await api.createReport(subject, { ...knownProfile(draft.reading), ...draft.answers });
      if (result.kind === 'checkout') {
        savePendingSubject(draft.words);
        say({ role: 'assistant', text: 'Taking you to Stripe to pay securely…' });
        redirect(result.checkout_url);
        return;
      }
      clearPendingSubject();
      history.reload();
      navigate(`/reports/${encodeURIComponent(result.report.report_id)}`);
    } catch (error) {
      failed(error, draft.words);
    }
  };

  /** Asks the next question of the draft, or offers the report when none is left. */
  const askNext = (draft: Draft): void => {
    const [question, ...rest] = draft.questions;
    if (question) {
      const chips = question.options.map((option) => ({
        label: optionLabel(question.field, option),
        onPick: () => {
          say({ role: 'user', text: optionLabel(question.field, option) });
          askNext({ ...draft, answers: withAnswer(draft.answers, question.field, option), questions: rest });
        },
      }));
      if (!question.options.includes(NOT_SURE)) {
        chips.push({
          label: NOT_SURE,
          onPick: () => (say({ role: 'user', text: NOT_SURE }), askNext({ ...draft, questions: rest })),
        });
      }
      say({ role: 'assistant', text: question.prompt, chips });
      return;
    }
    const reading = draft.reading!;
    const known = {
      level: reading.level ?? undefined,
      intake: reading.intake ?? undefined,
      city: reading.city ?? undefined,
    };
    const assumed = !(draft.answers.intake ?? reading.intake);
    const cost =
      price === null
        ? 'The report is free here.'
        : `The report costs ${formatPrice(price)}, paid on Stripe’s secure page.`;
    say({
      role: 'assistant',
      text: `Your report: ${describeProfile(reading, draft.answers, known)}.${assumed ? ' With no start date, it assumes the next September intake and says so at the top.' : ''} ${cost}`,
      chips: [{ label: price === null ? 'Create my report' : payButtonLabel(price), onPick: () => void create(draft) }],
      offersReport: true,
    });
  };

  const send = async (words: string): Promise<void> => {
    say({ role: 'user', text: words });
    setValue('');
    setBusy('Reading your message…');
    let reading: QueryReading;
    try {
      reading = await api.readQuery(words);
    } catch (error) {
      // A server without POST /queries yet: straight to the report, as before.
      if (error instanceof ApiError && error.status === 404)
        return create({ words, reading: null, answers: {}, questions: [] });
      return failed(error, words);
    }
    setBusy(null);
    say({ role: 'assistant', text: `A report on ${reading.subject}. ${reading.coverage_note}` });
    askNext({ words, reading, answers: {}, questions: reading.questions });
  };

  const pick = (subject: string): void => {
    setValue(subject);
    inputRef.current?.focus();
  };

  const empty = messages.length === 0;
  const latest = messages.at(-1);
  return (
    <div className={`mx-auto flex w-full max-w-3xl flex-col gap-6 ${empty ? 'justify-center py-10 sm:py-20' : 'py-6'}`}>
      <h1 className="sr-only">New report</h1>
      {paymentCancelled && (
        <Notice tone="info">
          Payment cancelled: nothing was charged. Your subject is still in the box when you are ready.
        </Notice>
      )}
      {!empty && (
        <ol className="space-y-4" aria-label="Conversation">
          {messages.map((message) => (
            <li key={message.id}>
              <MessageBubble role={message.role} tone={message.tone}>
                {message.text}
              </MessageBubble>
              {message === latest && message.chips && message.chips.length > 0 && !busy && (
                <ul
                  className="mt-2 flex flex-wrap gap-2"
                  aria-label={message.offersReport ? 'Create the report' : 'Answers'}
                >
                  {message.chips.map((chip) => (
                    <li key={chip.label}>
                      <button
                        type="button"
                        className={message.offersReport ? 'btn-primary' : 'chip'}
                        onClick={chip.onPick}
                      >
                        {chip.label}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {busy && (
        <p role="status" className="text-sm text-slate-700">
          {busy}
        </p>
      )}
      <Composer
        value={value}
        onChange={setValue}
        onSubmit={(words) => void send(words)}
        busy={busy !== null}
        labelStyle={empty ? 'title' : 'hidden'}
        inputRef={inputRef}
      />
      {empty && <SuggestionChips onPick={pick} />}
    </div>
  );
}
