import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConfigContext } from '../src/api/ConfigContext.js';
import type { AppConfig } from '../src/api/types.js';
import { FirstPage } from '../src/home/FirstPage.js';
import { PrivacyPage, TermsPage } from '../src/home/LegalPages.js';
import { SECTIONS } from '../src/report/sections.js';
import { LOCAL_CONFIG, PAID_CONFIG } from './support/fixtures.js';

const withConfig = (ui: React.ReactElement, config: AppConfig = LOCAL_CONFIG) =>
  render(<ConfigContext.Provider value={config}>{ui}</ConfigContext.Provider>);

describe('the first page', () => {
  it('says what the report is, for whom, what it holds, the price, and links sign-up, sign-in, Privacy and Terms', () => {
    withConfig(<FirstPage />, PAID_CONFIG);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('cited research report');
    expect(screen.getByText(/India, Pakistan, Bangladesh, Sri Lanka and Nepal/)).toBeInTheDocument();
    expect(screen.getByText(/£2\.99 per report, paid on Stripe/)).toBeInTheDocument();
    for (const section of SECTIONS) expect(screen.getByText(section.title, { selector: 'li' })).toBeInTheDocument();
    expect(screen.getByText(/30 days/)).toHaveTextContent('erased 90 days after it was written');
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute('href', '/sign-up');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    expect(screen.getByRole('link', { name: 'Privacy' })).toHaveAttribute('href', '/privacy');
    expect(screen.getByRole('link', { name: 'Terms' })).toHaveAttribute('href', '/terms');
  });

  it('says a report is free where payments are off, and shows the stored sample, marked as a sample, on request', async () => {
    withConfig(<FirstPage />);
    expect(screen.getByText(/Free on this server/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show the sample report (Nursing)' }));
    expect(await screen.findByText(/Sample — a real report on “Nursing”/, {}, { timeout: 8000 })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Report: Nursing' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2, name: 'Executive Summary' })).toHaveLength(1);
  });
});

describe('Privacy and Terms', () => {
  it('names only the outside services this server uses, from /config', () => {
    const { unmount } = withConfig(<PrivacyPage />);
    expect(screen.getByText(/No outside service/)).toBeInTheDocument();
    expect(screen.getByText(/scrypt hash of your password/)).toBeInTheDocument();
    unmount();
    withConfig(<PrivacyPage />, { ...PAID_CONFIG, auth_provider: 'clerk', writer: 'gemini' });
    for (const name of ['Stripe', 'Clerk', 'Google (Gemini)']) expect(screen.getByText(name)).toBeInTheDocument();
    expect(screen.getByText(/the id Clerk gives you/)).toBeInTheDocument();
    expect(screen.getByText(/it is hidden, and 90 days after it was written it is erased/)).toBeInTheDocument();
    expect(
      screen.getByText(/UK Study & Migration Research at help@example\.org from the email you signed up with/),
    ).toBeInTheDocument();
  });

  it('says what the report is not, the price, and how long it is kept; without a contact address, names the operator', () => {
    withConfig(<TermsPage />, { ...LOCAL_CONFIG, operator: { name: 'Asha Advisers', contact_email: null } });
    expect(screen.getByText(/not legal or immigration advice/)).toBeInTheDocument();
    expect(screen.getByText(/Free on this server/)).toBeInTheDocument();
    expect(screen.getByText('Write to Asha Advisers.')).toBeInTheDocument();
  });
});
