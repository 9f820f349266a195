import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Link } from '../src/router/Link.js';
import { matchRoute, navigate, useRoute } from '../src/router/router.js';

function Where() {
  const { route, query } = useRoute();
  return (
    <p>
      {route.name} {query.toString()}
    </p>
  );
}

describe('router', () => {
  it('matches the app routes', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/privacy')).toEqual({ name: 'privacy' });
    expect(matchRoute('/terms/')).toEqual({ name: 'terms' });
    expect(matchRoute('/chat')).toEqual({ name: 'chat' });
    expect(matchRoute('/chat/')).toEqual({ name: 'chat' });
    expect(matchRoute('/chat/success', '?session_id=cs_1')).toEqual({ name: 'chat-success', sessionId: 'cs_1' });
    expect(matchRoute('/chat/success')).toEqual({ name: 'chat-success', sessionId: null });
    expect(matchRoute('/reports/abc%20d')).toEqual({ name: 'report', reportId: 'abc d' });
    expect(matchRoute('/sign-in')).toEqual({ name: 'sign-in' });
    expect(matchRoute('/sign-up')).toEqual({ name: 'sign-up' });
    expect(matchRoute('/reports')).toEqual({ name: 'not-found' });
    expect(matchRoute('/reports/a/b')).toEqual({ name: 'not-found' });
  });

  it('re-renders on navigate, replace and the back button', () => {
    render(<Where />);
    expect(screen.getByText(/home/)).toBeInTheDocument();
    act(() => navigate('/sign-in?next=%2Fchat'));
    expect(screen.getByText('sign-in next=%2Fchat')).toBeInTheDocument();
    const length = window.history.length;
    act(() => navigate('/sign-up', { replace: true }));
    expect(window.history.length).toBe(length);
    expect(screen.getByText(/sign-up/)).toBeInTheDocument();
    act(() => {
      window.history.pushState(null, '', '/reports/r-1');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByText(/report/)).toBeInTheDocument();
  });

  it('follows in-app links without a page load, but leaves modified clicks to the browser', () => {
    render(
      <>
        <Link href="/reports/r-2">Open</Link>
        <Where />
      </>,
    );
    const link = screen.getByRole('link', { name: 'Open' });
    let leftToBrowser = false;
    document.addEventListener(
      'click',
      (event) => {
        leftToBrowser = !event.defaultPrevented;
        event.preventDefault(); // jsdom cannot open a new tab
      },
      { once: true },
    );
    fireEvent.click(link, { ctrlKey: true });
    expect(leftToBrowser).toBe(true);
    expect(window.location.pathname).toBe('/');
    expect(fireEvent.click(link)).toBe(false);
    expect(window.location.pathname).toBe('/reports/r-2');
  });
});
