import { useEffect, useState } from 'react';
import { ConfigContext } from './api/ConfigContext.js';
import { fetchConfig } from './api/public.js';
import type { AppConfig } from './api/types.js';
import { AppRoutes } from './AppRoutes.js';
import { AuthRoot } from './auth/AuthRoot.js';
import { describeError } from './components/errorMessage.js';
import { Loading } from './components/Loading.js';

type ConfigLoad = { readonly config: AppConfig } | { readonly error: string } | null;

/** The app: loads `GET /config` (one build serves every mode), then the auth provider and the pages. */
export function App() {
  const [load, setLoad] = useState<ConfigLoad>(null);

  useEffect(() => {
    fetchConfig()
      .then((config) => setLoad({ config }))
      .catch((error: unknown) => setLoad({ error: describeError(error) }));
  }, []);

  if (!load) return <Loading />;
  if ('error' in load) {
    return (
      <main className="mx-auto max-w-md p-8" role="alert">
        <h1 className="text-xl font-semibold">The app could not start</h1>
        <p className="mt-2 text-slate-800">{load.error} Reload the page to try again.</p>
      </main>
    );
  }
  return (
    <ConfigContext.Provider value={load.config}>
      <AuthRoot config={load.config}>
        <AppRoutes />
      </AuthRoot>
    </ConfigContext.Provider>
  );
}
