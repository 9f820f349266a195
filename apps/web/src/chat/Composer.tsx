import { useId, type FormEvent, type Ref } from 'react';
import { formatPrice, payButtonLabel } from '../payments/price.js';

/** The input's label (and the chat's central question). */
export const SUBJECT_QUESTION = 'Which subject do you want to study in the UK?';
/** The longest subject the API accepts. */
export const MAX_SUBJECT_LENGTH = 200;

/** Props of `Composer`. */
export interface ComposerProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: (subject: string) => void;
  readonly busy: boolean;
  /** The price when a report must be paid for first, or null when payments are off. */
  readonly price: number | null;
  /** Shows the question above the input (empty chat) rather than only to screen readers. */
  readonly showLabel: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/** The chat input: one subject, sent with "Send" or, when paying, "£2.99 — pay and generate". */
export function Composer({ value, onChange, onSubmit, busy, price, showLabel, inputRef }: ComposerProps) {
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const subject = value.trim();
    if (subject && !busy) onSubmit(subject);
  };
  return (
    <form onSubmit={submit} className="w-full space-y-2 print:hidden">
      <label htmlFor={`${id}-subject`} className={showLabel ? 'block text-center text-2xl font-semibold text-slate-900 sm:text-3xl' : 'sr-only'}>
        {SUBJECT_QUESTION}
      </label>
      <div className="flex flex-col gap-2 rounded-2xl border border-slate-300 bg-white p-2 shadow-sm focus-within:ring-2 focus-within:ring-blue-700 sm:flex-row">
        <input
          id={`${id}-subject`}
          ref={inputRef}
          type="text"
          value={value}
          maxLength={MAX_SUBJECT_LENGTH}
          autoComplete="off"
          placeholder="e.g. Nursing, MSc Data Science, MBA"
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.target.value)}
          className="min-w-0 flex-1 rounded-xl px-3 py-2 text-base text-slate-900 placeholder:text-slate-600 focus:outline-none"
        />
        <button type="submit" className="btn-primary" disabled={busy || value.trim() === ''}>
          {price === null ? 'Send' : payButtonLabel(price)}
        </button>
      </div>
      <p id={`${id}-hint`} className="text-center text-xs text-slate-700">
        One subject, studied in the UK.
        {price !== null &&
          ` Each report costs ${formatPrice(price)}, paid on Stripe's secure page; writing starts once payment is confirmed.`}
      </p>
    </form>
  );
}
