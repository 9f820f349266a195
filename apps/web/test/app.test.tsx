import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../src/App.js';
import { safeNext } from '../src/AppRoutes.js';
import { SIGNED_IN_HINT } from '../src/auth/localSession.js';
import { SUBJECT_QUESTION } from '../src/chat/Composer.js';
import { navigate } from '../src/router/router.js';
import { apiError, installFetch, json, type Handler } from './support/fakeFetch.js';
import { LOCAL_CONFIG, makeReport } from './support/fixtures.js';

const USER = { user_id: 'u-1', email: 'student@example.com' };

function server(extra: Record<string, Handler> = {}) {
  return installFetch({
    'GET /config': () => json(200, LOCAL_CONFIG),
    'POST /auth/login': () => json(200, { token: 't1', user: USER }),
    'POST /auth/logout': () => json(204, null),
    // This browser holds no sign-in unless a test says so.
    'POST /auth/refresh': () => apiError(401, 'UNAUTHORIZED', 'Not signed in.'),
    'DELETE /auth/refresh': () => json(204, null),
    'GET /reports?limit=50&offset=0': () => json(200, { reports: [makeReport()], total: 1, limit: 50, offset: 0 }),
    ...extra,
  });
}

async function signIn(): Promise<void> {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email'), 'student@example.com');
  await user.type(screen.getByLabelText('Password'), 'password1');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('App', () => {
  it('sends a visitor to sign in, then back to the page they wanted, and signs out', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/chat?payment=cancelled');
    const seen = server();
    render(<App />);
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/chat?payment=cancelled');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
    await signIn();
    expect(await screen.findByLabelText(SUBJECT_QUESTION)).toBeInTheDocument();
    expect(window.location.search).toBe('?payment=cancelled');
    expect(screen.getByText(/nothing was charged/)).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: /Nursing/ })).toHaveAttribute('href', '/reports/r-1');
    expect(screen.getByRole('navigation', { name: 'Your reports' })).toBeInTheDocument();
    expect(screen.getByText('student@example.com')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    const logout = seen.find((request) => request.path === '/auth/logout');
    expect(logout?.headers.get('Authorization')).toBe('Bearer t1');
  });

  it('refreshes the token once when the API answers 401, and carries on', async () => {
    window.history.replaceState(null, '', '/reports/r-1');
    const seen = server({
      'POST /auth/refresh': () => json(200, { token: 't2', user: USER }),
      'GET /reports/r-1': (request) =>
        request.headers.get('Authorization') === 'Bearer t2'
          ? json(200, makeReport())
          : apiError(401, 'UNAUTHORIZED', 'Expired.'),
    });
    render(<App />);
    await signIn();
    expect(await screen.findByRole('heading', { level: 2, name: 'Executive Summary' })).toBeInTheDocument();
    // No restore request on load (this browser had never signed in); one refresh after the 401.
    expect(seen.filter((request) => request.method === 'POST' && request.path === '/auth/refresh')).toHaveLength(1);
  });

  it('keeps a student signed in across a reload: a deep link opens the report with no sign-in form', async () => {
    window.history.replaceState(null, '', '/reports/r-1');
    localStorage.setItem(SIGNED_IN_HINT, '1');
    server({
      'POST /auth/refresh': () => json(200, { token: 't5', user: USER }),
      'GET /reports/r-1': (request) =>
        request.headers.get('Authorization') === 'Bearer t5'
          ? json(200, makeReport())
          : apiError(401, 'UNAUTHORIZED', 'No.'),
    });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Executive Summary' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Email')).toBeNull();
    expect(window.location.pathname).toBe('/reports/r-1');
  });

  it('offers sign-up, and sends a signed-in student away from the sign-in pages', async () => {
    window.history.replaceState(null, '', '/sign-up');
    server({ 'POST /auth/signup': () => json(201, { token: 't1', user: USER }) });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Email'), 'student@example.com');
    await user.type(screen.getByLabelText('Password'), 'password1');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(window.location.pathname).toBe('/chat'));
    navigate('/sign-in?next=%2Freports%2Fr-1');
    await waitFor(() => expect(window.location.pathname).toBe('/reports/r-1'));
  });

  it('says "Page not found" for an unknown address', async () => {
    window.history.replaceState(null, '', '/nowhere');
    server();
    render(<App />);
    await signIn();
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('says when the settings cannot be loaded', async () => {
    installFetch({ 'GET /config': () => apiError(503, 'UNAVAILABLE', 'Down.') });
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The app could not start');
  });

  it('refuses to run Clerk mode without a publishable key', async () => {
    installFetch({
      'GET /config': () => json(200, { ...LOCAL_CONFIG, auth_provider: 'clerk', clerk_publishable_key: null }),
    });
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-in is not configured');
  });

  it('only follows in-app paths after sign-in', () => {
    expect(safeNext('/reports/r-1')).toBe('/reports/r-1');
    expect(safeNext('//evil.example')).toBe('/chat');
    expect(safeNext('https://evil.example')).toBe('/chat');
    expect(safeNext(null)).toBe('/chat');
  });
});
