import { lazy, Suspense, useEffect } from 'react';
import { ApiProvider } from './api/ApiContext.js';
import { useAuth } from './auth/AuthContext.js';
import { ChatPage } from './chat/ChatPage.js';
import { AppShell } from './components/AppShell.js';
import { Loading } from './components/Loading.js';
import { HistoryProvider } from './history/HistoryContext.js';
import { FirstPage } from './home/FirstPage.js';
import { PrivacyPage, TermsPage } from './home/LegalPages.js';
import { Sidebar } from './history/Sidebar.js';
import { SuccessPage } from './payments/SuccessPage.js';
import { Link } from './router/Link.js';
import { navigate, useLocationHref, useRoute, type Route } from './router/router.js';

/** The report page and its Markdown renderer load on demand, so the first page's script stays small. */
const ReportPage = lazy(() => import('./report/ReportPage.js').then((module) => ({ default: module.ReportPage })));

/** Only in-app paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/chat';
}

function Redirect({ to }: { readonly to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

function SignedInPage({ route, query }: { readonly route: Route; readonly query: URLSearchParams }) {
  switch (route.name) {
    case 'chat':
      return <ChatPage key={query.get('payment') ?? 'chat'} paymentCancelled={query.get('payment') === 'cancelled'} />;
    case 'chat-success':
      return <SuccessPage sessionId={route.sessionId} />;
    case 'report':
      return (
        <Suspense fallback={<Loading label="Opening your report…" />}>
          <ReportPage key={route.reportId} reportId={route.reportId} />
        </Suspense>
      );
    default:
      return (
        <div className="mx-auto max-w-3xl space-y-4 py-10">
          <h1 className="text-2xl font-semibold">Page not found</h1>
          <Link href="/chat" className="link">
            Go to the chat
          </Link>
        </div>
      );
  }
}

/** Picks the page for the address: sign-in pages for visitors, the chat, reports and payments for students. */
export function AppRoutes() {
  const auth = useAuth();
  const href = useLocationHref();
  const { route, query } = useRoute();

  if (auth.status === 'loading') return <Loading />;
  if (route.name === 'privacy' || route.name === 'terms') {
    return <AppShell>{route.name === 'privacy' ? <PrivacyPage /> : <TermsPage />}</AppShell>;
  }
  if (route.name === 'home') {
    if (auth.status === 'signed-in') return <Redirect to="/chat" />;
    return (
      <AppShell>
        <FirstPage />
      </AppShell>
    );
  }
  if (route.name === 'sign-in' || route.name === 'sign-up') {
    const next = safeNext(query.get('next'));
    if (auth.status === 'signed-in') return <Redirect to={next} />;
    return (
      <AppShell>
        <div className="mx-auto w-full max-w-md py-10">
          {route.name === 'sign-in' ? auth.renderSignIn(next) : auth.renderSignUp(next)}
        </div>
      </AppShell>
    );
  }
  if (auth.status === 'signed-out') return <Redirect to={`/sign-in?next=${encodeURIComponent(href)}`} />;
  return (
    <ApiProvider>
      <HistoryProvider>
        <AppShell sidebar={<Sidebar currentReportId={route.name === 'report' ? route.reportId : null} />}>
          <SignedInPage route={route} query={query} />
        </AppShell>
      </HistoryProvider>
    </ApiProvider>
  );
}
