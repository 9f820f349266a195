import { useId, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useConfig } from '../api/ConfigContext.js';
import { formatPrice } from '../payments/price.js';
import { MAX_MESSAGE_LENGTH } from './conversation.js';

/** The input's label (and the chat's central question). */
export const SUBJECT_QUESTION = 'Which subject do you want to study in the UK?';
/** The id the skip link points at. */
export const COMPOSER_ID = 'composer';

/** Props of `Composer`. */
export interface ComposerProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: (words: string) => void;
  readonly busy: boolean;
  /** Shows the question above the input (empty chat) rather than only to screen readers. */
  readonly showLabel: boolean;
  readonly inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The chat input: up to 500 characters with a counter (the server reads the subject, level, intake and city out of
 * them); Enter sends, Shift+Enter starts a new line. Nothing is charged from here: the price comes after the questions.
 */
export function Composer({ value, onChange, onSubmit, busy, showLabel, inputRef }: ComposerProps) {
  const id = useId();
  const config = useConfig();
  const send = (): void => {
    const words = value.trim();
    if (words && !busy) onSubmit(words);
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const left = MAX_MESSAGE_LENGTH - value.length;
  return (
    <form onSubmit={submit} className="w-full space-y-2 print:hidden">
      <label htmlFor={COMPOSER_ID} className={showLabel ? 'block text-center text-2xl font-semibold text-slate-900 sm:text-3xl' : 'sr-only'}>
        {SUBJECT_QUESTION}
      </label>
      <div className="flex flex-col gap-2 rounded-2xl border border-slate-300 bg-white p-2 shadow-sm focus-within:ring-2 focus-within:ring-blue-700 sm:flex-row sm:items-end">
        <textarea
          id={COMPOSER_ID}
          ref={inputRef}
          rows={1}
          value={value}
          maxLength={MAX_MESSAGE_LENGTH}
          autoComplete="off"
          placeholder="e.g. Nursing, or MSc Data Science in London from September 2027"
          aria-describedby={`${id}-hint ${id}-count`}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          className="min-h-11 min-w-0 flex-1 resize-none rounded-xl px-3 py-2 text-base text-slate-900 placeholder:text-slate-600 focus:outline-none"
        />
        <button type="submit" className="btn-primary" disabled={busy || value.trim() === ''}>
          Send
        </button>
      </div>
      <div className="flex justify-between gap-4 text-xs text-slate-700">
        <p id={`${id}-hint`}>
          One subject, studied in the UK; add the level, start date or city if you know them.
          {config.payments_enabled && ` A report costs ${formatPrice(config.price_gbp)}; you see what it covers before you pay.`}
        </p>
        <p id={`${id}-count`} aria-live={left <= 50 ? 'polite' : 'off'} className={left <= 50 ? 'font-semibold text-amber-900' : ''}>
          <span className="sr-only">Characters used: </span>
          {value.length}/{MAX_MESSAGE_LENGTH}
        </p>
      </div>
    </form>
  );
}
