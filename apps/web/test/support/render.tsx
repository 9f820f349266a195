import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiProvider } from '../../src/api/ApiContext.js';
import { ConfigContext } from '../../src/api/ConfigContext.js';
import type { AppConfig } from '../../src/api/types.js';
import { AuthContext, type Auth } from '../../src/auth/AuthContext.js';
import { HistoryProvider } from '../../src/history/HistoryContext.js';
import { LOCAL_CONFIG } from './fixtures.js';

/** A signed-in session with a fixed token (the API itself is the fake `fetch`). */
export function signedInAuth(overrides: Partial<Auth> = {}): Auth {
  return {
    status: 'signed-in',
    email: 'student@example.com',
    getToken: () => Promise.resolve('token-1'),
    refreshToken: () => Promise.resolve(null),
    signOut: () => Promise.resolve(),
    renderSignIn: () => null,
    renderSignUp: () => null,
    ...overrides,
  };
}

/** Renders a signed-in page with the app's real config, API client and history providers. */
export function renderSignedIn(
  ui: ReactElement,
  config: AppConfig = LOCAL_CONFIG,
  auth: Auth = signedInAuth(),
): RenderResult {
  return render(
    <ConfigContext.Provider value={config}>
      <AuthContext.Provider value={auth}>
        <ApiProvider>
          <HistoryProvider>{ui}</HistoryProvider>
        </ApiProvider>
      </AuthContext.Provider>
    </ConfigContext.Provider>,
  );
}
