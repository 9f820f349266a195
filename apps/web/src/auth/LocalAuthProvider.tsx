import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { AuthContext, type Auth } from './AuthContext.js';
import { AuthForm } from './AuthForm.js';
import { LocalSession } from './localSession.js';

/** Props of `LocalAuthProvider`; a test may hand in its own session. */
export interface LocalAuthProviderProps {
  readonly children: ReactNode;
  readonly session?: LocalSession;
}

/** Provides `Auth` backed by the app's own accounts (`AUTH_PROVIDER=local`): token in memory, sign-in in a cookie. */
export function LocalAuthProvider({ children, session: given }: LocalAuthProviderProps) {
  const [session] = useState(() => given ?? new LocalSession());
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  // A reload, a new tab or an opened link: pick up this browser's sign-in from the refresh cookie.
  useEffect(() => {
    const disconnect = session.connect();
    void session.restore();
    return disconnect;
  }, [session]);
  const auth = useMemo<Auth>(
    () => ({
      status: state.token ? 'signed-in' : state.restoring ? 'loading' : 'signed-out',
      email: state.user?.email ?? null,
      getToken: session.getToken,
      refreshToken: session.refreshToken,
      signOut: session.signOut,
      renderSignIn: (next) => <AuthForm mode="sign-in" submit={session.signIn} next={next} />,
      renderSignUp: (next) => <AuthForm mode="sign-up" submit={session.signUp} next={next} />,
    }),
    [session, state],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
