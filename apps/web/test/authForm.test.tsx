import { render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ConfigContext } from '../src/api/ConfigContext.js';
import type { AppConfig } from '../src/api/types.js';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuthForm } from '../src/auth/AuthForm.js';
import { LocalSession } from '../src/auth/localSession.js';
import { apiError, installFetch, json } from './support/fakeFetch.js';
import { LOCAL_CONFIG } from './support/fixtures.js';

function renderForm(form: ReactElement, config: AppConfig = LOCAL_CONFIG) {
  return render(<ConfigContext.Provider value={config}>{form}</ConfigContext.Provider>);
}

const USER = { user_id: 'u-1', email: 'a@example.com' };

async function fill(email: string, password: string, button: string): Promise<void> {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText('Email'), email);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: button }));
}

describe('AuthForm', () => {
  it('signs in and goes on to the next page', async () => {
    installFetch({ 'POST /auth/login': () => json(200, { token: 't1', user: USER }) });
    const session = new LocalSession();
    renderForm(<AuthForm mode="sign-in" submit={session.signIn} next="/reports/r-1" />);
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    await fill('a@example.com', 'password1', 'Sign in');
    await waitFor(() => expect(window.location.pathname).toBe('/reports/r-1'));
    expect(session.getSnapshot().token).toBe('t1');
  });

  it('says so when the email or password is wrong (401)', async () => {
    installFetch({ 'POST /auth/login': () => apiError(401, 'UNAUTHORIZED', 'Invalid email or password.') });
    renderForm(<AuthForm mode="sign-in" submit={new LocalSession().signIn} next="/chat" />);
    await fill('a@example.com', 'wrong-password', 'Sign in');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/Wrong email or password/);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('says so when the email is taken (409)', async () => {
    installFetch({ 'POST /auth/signup': () => apiError(409, 'CONFLICT', 'Email already registered.') });
    renderForm(<AuthForm mode="sign-up" submit={new LocalSession().signUp} next="/chat" />);
    expect(screen.getByRole('heading', { name: 'Create your account' })).toBeInTheDocument();
    await fill('a@example.com', 'password1', 'Create account');
    expect(await screen.findByRole('alert')).toHaveTextContent('An account with this email already exists.');
  });

  it('checks the password length and the email before asking the server', async () => {
    const seen = installFetch({});
    renderForm(<AuthForm mode="sign-up" submit={new LocalSession().signUp} next="/chat" />);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 8 characters.');
    await fill('a@example.com', 'short', 'Create account');
    expect(screen.getByRole('alert')).toHaveTextContent('Password must be at least 8 characters.');
    await userEvent.clear(screen.getByLabelText('Email'));
    await fill('not-an-email', '', 'Create account');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a valid email address');
    expect(seen).toHaveLength(0);
  });

  it('asks for the password on sign-in, and links to the other form keeping the next page', async () => {
    installFetch({});
    renderForm(<AuthForm mode="sign-in" submit={new LocalSession().signIn} next="/reports/r-1" />);
    await fill('a@example.com', '', 'Sign in');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your password.');
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/sign-up?next=%2Freports%2Fr-1',
    );
  });

  it('reports a server that cannot be reached', async () => {
    installFetch({ 'POST /auth/login': () => Promise.reject(new TypeError('Failed to fetch')) });
    renderForm(<AuthForm mode="sign-in" submit={new LocalSession().signIn} next="/chat" />);
    await fill('a@example.com', 'password1', 'Sign in');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server.');
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/sign-up');
  });

  it('says whom to ask for a forgotten password: the operator contact from the configuration, or the operator', () => {
    const { unmount } = renderForm(<AuthForm mode="sign-in" submit={new LocalSession().signIn} next="/reports/r-1" />);
    expect(screen.getByText(/Sign in to open the page you asked for/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'help@example.org' })).toHaveAttribute(
      'href',
      'mailto:help@example.org?subject=Password%20reset',
    );
    unmount();
    renderForm(<AuthForm mode="sign-in" submit={new LocalSession().signIn} next="/chat" />, {
      ...LOCAL_CONFIG,
      operator: { name: 'Asha Advisers', contact_email: null },
    });
    expect(screen.getByText(/Ask Asha Advisers, who runs this service, for a temporary password/)).toBeInTheDocument();
    expect(screen.queryByText(/Sign in to open the page you asked for/)).toBeNull();
  });
});
