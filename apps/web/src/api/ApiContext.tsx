import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../auth/AuthContext.js';
import { ApiClient } from './client.js';

/** Holds the signed-in student's `ApiClient`. */
export const ApiContext = createContext<ApiClient | null>(null);

/** The API client; only valid below `ApiProvider`. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() used outside an ApiProvider');
  return api;
}

/**
 * Provides one `ApiClient` for the whole session. It reads the token through a ref, so a token refresh
 * never replaces the client (and never restarts a running stream).
 */
export function ApiProvider({ children }: { readonly children: ReactNode }) {
  const auth = useAuth();
  const authRef = useRef(auth);
  useLayoutEffect(() => {
    authRef.current = auth;
  }, [auth]);
  const [api] = useState(
    // The client reads the ref only when it makes a request (in effects and handlers), never while rendering;
    // the compiler cannot see that through the constructor.
    // eslint-disable-next-line react-hooks/refs
    () =>
      new ApiClient({ getToken: () => authRef.current.getToken(), refreshToken: () => authRef.current.refreshToken() }),
  );
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}
