import { useId, type FormEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useConfig } from '../api/ConfigContext.js';
import { formatPrice } from '../payments/price.js';
import { MAX_MESSAGE_LENGTH } from './conversation.js';

/** The input's label (and the chat's central question). */
export const SUBJECT_QUESTION = 'Which subject do you want to study in the UK?';
/** The id the skip link points at. */
export const COMPOSER_ID = 'composer';

const LABEL_STYLES = {
  title: 'block text-center text-2xl font-semibold text-slate-900 sm:text-3xl',
  heading: 'block text-lg font-semibold text-slate-900',
  hidden: 'sr-only',
} as const;

/** Props of `Composer`. */
export interface ComposerProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: (words: string) => void;
  readonly busy: boolean;
  /**
   * How the label shows: as the chat's central question (`title`, empty chat), as a plain heading above the input
   * (`heading`), or only to screen readers (`hidden`).
   */
  readonly labelStyle: keyof typeof LABEL_STYLES;
  readonly inputRef?: Ref<HTMLTextAreaElement>;
  /** The input's label; the subject question by default. */
  readonly label?: string;
  readonly placeholder?: string;
  /** The line under the input (read with it by screen readers); the subject hint by default. */
  readonly hint?: ReactNode;
}

/** What the subject composer says under its input. */
function SubjectHint() {
  const config = useConfig();
  return (
    <>
      One subject, studied in the UK; add the level, start date or city if you know them.
      {config.payments_enabled &&
        ` A report costs ${formatPrice(config.price_gbp)}; you see what it covers before you pay.`}
    </>
  );
}

/**
 * The chat input: up to 500 characters with a counter (the server reads the subject, level, intake and city out of
 * them); Enter sends, Shift+Enter starts a new line. Nothing is charged from here: the price comes after the questions.
 * The same input asks a report's follow-ups, with its own label, placeholder and hint.
 */
export function Composer({
  value,
  onChange,
  onSubmit,
  busy,
  labelStyle,
  inputRef,
  label = SUBJECT_QUESTION,
  placeholder = 'e.g. Nursing, or MSc Data Science in London from September 2027',
  hint = <SubjectHint />,
}: ComposerProps) {
  const id = useId();
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
      <label htmlFor={COMPOSER_ID} className={LABEL_STYLES[labelStyle]}>
        {label}
      </label>
      <div className="flex flex-col gap-2 rounded-2xl border border-slate-300 bg-white p-2 shadow-sm focus-within:ring-2 focus-within:ring-blue-700 sm:flex-row sm:items-end">
        <textarea
          id={COMPOSER_ID}
          ref={inputRef}
          rows={1}
          value={value}
          maxLength={MAX_MESSAGE_LENGTH}
          autoComplete="off"
          placeholder={placeholder}
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
        <p id={`${id}-hint`}>{hint}</p>
        <p
          id={`${id}-count`}
          aria-live={left <= 50 ? 'polite' : 'off'}
          className={left <= 50 ? 'font-semibold text-amber-900' : ''}
        >
          <span className="sr-only">Characters used: </span>
          {value.length}/{MAX_MESSAGE_LENGTH}
        </p>
      </div>
    </form>
  );
}
