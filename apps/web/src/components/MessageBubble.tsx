import type { ReactNode } from 'react';

/** Props of `MessageBubble`. */
export interface MessageBubbleProps {
  readonly role: 'user' | 'assistant';
  /** A refusal or a failure is shown in the error colours. */
  readonly tone?: 'normal' | 'error';
  readonly children: ReactNode;
}

/** One turn of the chat: the student's message on the right, the assistant's reply on the left. */
export function MessageBubble({ role, tone = 'normal', children }: MessageBubbleProps) {
  if (role === 'user') {
    return (
      <div className="flex justify-end print:hidden">
        <div
          className="max-w-[85%] rounded-2xl rounded-br-sm bg-blue-700 px-4 py-2 text-white"
          data-testid="user-message"
        >
          <span className="sr-only">You: </span>
          {children}
        </div>
      </div>
    );
  }
  const colours =
    tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-slate-200 bg-white text-slate-900';
  return (
    <div className="flex justify-start">
      <div
        className={`w-full rounded-2xl rounded-bl-sm border px-4 py-3 print:border-0 print:p-0 ${colours}`}
        data-testid="assistant-message"
      >
        <span className="sr-only">Assistant: </span>
        {children}
      </div>
    </div>
  );
}
