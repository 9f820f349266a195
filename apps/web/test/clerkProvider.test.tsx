import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAuth } from '../src/auth/AuthContext.js';
import ClerkAuthProvider from '../src/auth/clerk/ClerkAuthProvider.js';

/** A publishable key in Clerk's format (`pk_test_` + base64 of the frontend API host and `$`); nothing is fetched. */
const PUBLISHABLE_KEY = `pk_test_${btoa('clerk.example.com$')}`;

function Status() {
  const auth = useAuth();
  return <p>status: {auth.status}</p>;
}

describe('ClerkAuthProvider (@clerk/react 6)', () => {
  it('bridges Clerk into the app’s Auth, loading until Clerk’s script has run', () => {
    render(
      <ClerkAuthProvider publishableKey={PUBLISHABLE_KEY}>
        <Status />
      </ClerkAuthProvider>,
    );
    expect(screen.getByText('status: loading')).toBeInTheDocument();
  });
});
