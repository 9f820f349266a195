import { ClerkProvider, SignIn, SignUp, useAuth as useClerkAuth, useUser } from '@clerk/react';
import { useMemo, type ReactNode } from 'react';
import { navigate } from '../../router/router.js';
import { AuthContext, type Auth } from '../AuthContext.js';

/** Props of `ClerkAuthProvider`. */
export interface ClerkAuthProviderProps {
  readonly publishableKey: string;
  readonly children: ReactNode;
}

function ClerkBridge({ children }: { readonly children: ReactNode }) {
  const { isLoaded, isSignedIn, getToken, signOut } = useClerkAuth();
  const { user } = useUser();
  const email = user?.primaryEmailAddress?.emailAddress ?? null;
  const auth = useMemo<Auth>(
    () => ({
      status: !isLoaded ? 'loading' : isSignedIn ? 'signed-in' : 'signed-out',
      email,
      getToken: () => getToken(),
      refreshToken: () => getToken({ skipCache: true }),
      signOut: () => signOut({ redirectUrl: '/sign-in' }),
      renderSignIn: (next) => <SignIn routing="hash" signUpUrl="/sign-up" forceRedirectUrl={next} />,
      renderSignUp: (next) => <SignUp routing="hash" signInUrl="/sign-in" forceRedirectUrl={next} />,
    }),
    [isLoaded, isSignedIn, email, getToken, signOut],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

/**
 * Provides `Auth` backed by Clerk (`AUTH_PROVIDER=clerk`): Clerk's own sign-in and sign-up components, and
 * Clerk session tokens as the Bearer token. Loaded with a dynamic import, so local mode never downloads Clerk.
 */
export default function ClerkAuthProvider({ publishableKey, children }: ClerkAuthProviderProps) {
  return (
    <ClerkProvider
      publishableKey={publishableKey}
      routerPush={(to) => navigate(to)}
      routerReplace={(to) => navigate(to, { replace: true })}
      afterSignOutUrl="/sign-in"
    >
      <ClerkBridge>{children}</ClerkBridge>
    </ClerkProvider>
  );
}
