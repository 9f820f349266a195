import { useRef, useState } from 'react';
import { useApi } from '../api/ApiContext.js';
import { useConfig } from '../api/ConfigContext.js';
import { describeError, isRefusal } from '../components/errorMessage.js';
import { MessageBubble } from '../components/MessageBubble.js';
import { Notice } from '../components/Notice.js';
import { useHistory } from '../history/HistoryContext.js';
import { clearPendingSubject, readPendingSubject, savePendingSubject } from '../payments/pendingSubject.js';
import { navigate } from '../router/router.js';
import { Composer } from './Composer.js';
import { SuggestionChips } from './SuggestionChips.js';

/** One turn of the chat before a report exists: the student's words or the assistant's reply. */
export interface ChatMessage {
  readonly id: number;
  readonly role: 'user' | 'assistant';
  readonly text: string;
  readonly tone: 'normal' | 'error';
}

/** Props of `ChatPage`. */
export interface ChatPageProps {
  /** True on the return from a cancelled Stripe Checkout (`/chat?payment=cancelled`). */
  readonly paymentCancelled: boolean;
  /** Leaves the app for Stripe Checkout (a full page load). */
  readonly redirect?: (url: string) => void;
}

const leaveForCheckout = (url: string): void => window.location.assign(url);

/**
 * The chat: a central question with suggestions, the student's message as a bubble, refusals and errors as
 * the assistant's reply. A started report opens at `/reports/{id}`; a paid one goes to Stripe Checkout first.
 */
export function ChatPage({ paymentCancelled, redirect = leaveForCheckout }: ChatPageProps) {
  const api = useApi();
  const history = useHistory();
  const config = useConfig();
  const inputRef = useRef<HTMLInputElement>(null);
  const nextId = useRef(0);
  const [value, setValue] = useState(() => (paymentCancelled ? (readPendingSubject() ?? '') : ''));
  const [messages, setMessages] = useState<readonly ChatMessage[]>([]);
  const [busy, setBusy] = useState(false);
  const price = config.payments_enabled ? config.price_gbp : null;

  const say = (role: ChatMessage['role'], text: string, tone: ChatMessage['tone'] = 'normal'): void => {
    nextId.current += 1;
    const message = { id: nextId.current, role, text, tone };
    setMessages((list) => [...list, message]);
  };

  const send = async (subject: string): Promise<void> => {
    say('user', subject);
    setValue('');
    setBusy(true);
    try {
      const result = await api.createReport(subject);
      if (result.kind === 'checkout') {
        savePendingSubject(subject);
        say('assistant', 'Taking you to Stripe to pay securely…');
        redirect(result.checkout_url);
        return;
      }
      clearPendingSubject();
      history.reload();
      navigate(`/reports/${encodeURIComponent(result.report.report_id)}`);
    } catch (error) {
      if (isRefusal(error)) say('assistant', error.detail);
      else say('assistant', describeError(error), 'error');
      setBusy(false);
      inputRef.current?.focus();
    }
  };

  const pick = (subject: string): void => {
    setValue(subject);
    inputRef.current?.focus();
  };

  const empty = messages.length === 0;
  return (
    <div className={`mx-auto flex w-full max-w-3xl flex-col gap-6 ${empty ? 'justify-center py-10 sm:py-20' : 'py-6'}`}>
      <h1 className="sr-only">New report</h1>
      {paymentCancelled && (
        <Notice tone="info">Payment cancelled: nothing was charged. Your subject is still in the box when you are ready.</Notice>
      )}
      {!empty && (
        <ol className="space-y-4" aria-label="Conversation">
          {messages.map((message) => (
            <li key={message.id}>
              <MessageBubble role={message.role} tone={message.tone}>
                {message.text}
              </MessageBubble>
            </li>
          ))}
        </ol>
      )}
      {busy && (
        <p role="status" className="text-sm text-slate-700">
          Checking your subject…
        </p>
      )}
      <Composer value={value} onChange={setValue} onSubmit={(subject) => void send(subject)} busy={busy} price={price} showLabel={empty} inputRef={inputRef} />
      {empty && <SuggestionChips onPick={pick} />}
    </div>
  );
}
