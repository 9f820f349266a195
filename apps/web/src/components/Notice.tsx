import type { ReactNode } from 'react';

const TONES = {
  info: 'border-blue-300 bg-blue-50 text-blue-950',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  error: 'border-red-300 bg-red-50 text-red-900',
} as const;

/** Props of `Notice`. */
export interface NoticeProps {
  readonly tone: keyof typeof TONES;
  readonly children: ReactNode;
}

/** A boxed message; errors are announced at once (`role="alert"`), others politely (`role="status"`). */
export function Notice({ tone, children }: NoticeProps) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
