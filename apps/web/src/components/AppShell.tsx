import type { ReactNode } from 'react';
import { useAuth } from '../auth/AuthContext.js';
import { Link } from '../router/Link.js';
import { useRoute } from '../router/router.js';

/** Props of `AppShell`. */
export interface AppShellProps {
  /** The sidebar, when the student is signed in. */
  readonly sidebar?: ReactNode;
  readonly children: ReactNode;
}

/** The page frame: skip link, header (with sign-out when signed in), optional sidebar and the main region. */
export function AppShell({ sidebar, children }: AppShellProps) {
  const auth = useAuth();
  const { route } = useRoute();
  return (
    <div className="flex min-h-screen flex-col bg-white text-slate-900">
      {auth.status === 'signed-in' && route.name === 'chat' && (
        <a href="#composer" className="skip-link">
          Skip to the message box
        </a>
      )}
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 print:hidden">
        <Link
          href={auth.status === 'signed-in' ? '/chat' : '/'}
          className="font-semibold text-slate-900 no-underline hover:underline"
        >
          UK Study &amp; Migration Research
        </Link>
        {auth.status === 'signed-in' && (
          <div className="flex items-center gap-3 text-sm">
            {auth.email && <span className="hidden text-slate-700 sm:inline">{auth.email}</span>}
            <button type="button" className="btn-secondary" onClick={() => void auth.signOut()}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <div className="flex-1 md:flex">
        {sidebar}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 focus:outline-none sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
