import { lazy, Suspense, type ReactNode } from 'react';
import type { AppConfig } from '../api/types.js';
import { Loading } from '../components/Loading.js';
import { LocalAuthProvider } from './LocalAuthProvider.js';

const ClerkAuthProvider = lazy(() => import('./clerk/ClerkAuthProvider.js'));

/** Props of `AuthRoot`. */
export interface AuthRootProps {
  readonly config: AppConfig;
  readonly children: ReactNode;
}

/** Picks the auth provider `GET /config` names: Clerk (loaded on demand) or the app's own accounts. */
export function AuthRoot({ config, children }: AuthRootProps) {
  if (config.auth_provider === 'clerk') {
    if (!config.clerk_publishable_key) {
      return (
        <p role="alert" className="p-8 text-center text-red-800">
          Sign-in is not configured: the server names Clerk but gives no publishable key.
        </p>
      );
    }
    return (
      <Suspense fallback={<Loading label="Loading sign-in…" />}>
        <ClerkAuthProvider publishableKey={config.clerk_publishable_key}>{children}</ClerkAuthProvider>
      </Suspense>
    );
  }
  return <LocalAuthProvider>{children}</LocalAuthProvider>;
}
