import type { ReactNode } from 'react';
import { useConfig } from '../api/ConfigContext.js';
import { Link } from '../router/Link.js';
import { contactLine, ERASED_DAYS, KEPT_DAYS, priceLine, processors } from './facts.js';

function Page({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <div className="prose-report mx-auto max-w-3xl space-y-4 py-10">
      <h1 className="text-3xl font-semibold text-slate-900">{title}</h1>
      {children}
      <p>
        <Link href="/" className="link">
          Back to the first page
        </Link>
      </p>
    </div>
  );
}

/** `/privacy`: what is stored, for how long, who processes it, how to ask for erasure — from this server's settings. */
export function PrivacyPage() {
  const config = useConfig();
  const outside = processors(config);
  return (
    <Page title="Privacy">
      <p>
        This service is run by {config.operator.name}. This page describes what this server stores, as it is configured
        now.
      </p>
      <h2 className="text-xl font-semibold">What is stored</h2>
      <ul>
        <li>
          Your account: your email address and
          {config.auth_provider === 'clerk'
            ? ' the id Clerk gives you.'
            : ' a scrypt hash of your password (never the password itself).'}
        </li>
        <li>
          Your reports: the words you typed, the details you chose (level, start date, city), and the report written for
          you.
        </li>
        {config.payments_enabled && (
          <li>Payments: the Stripe session and whether it was paid or refunded; no card details.</li>
        )}
        <li>
          Sign-in sessions (so a reload keeps you signed in) and server logs with a request id and your account id,
          never passwords or tokens.
        </li>
      </ul>
      <h2 className="text-xl font-semibold">For how long</h2>
      <p>
        A report can be read for {KEPT_DAYS} days; then it is hidden, and {ERASED_DAYS} days after it was written it is
        erased. A report you delete is hidden at once and erased on the same {ERASED_DAYS}-day schedule. Sign-ins end
        after 14 days without use and at most 30 days after you signed in.
      </p>
      <h2 className="text-xl font-semibold">Who else handles it</h2>
      {outside.length > 0 ? (
        <ul>
          {outside.map((processor) => (
            <li key={processor.name}>
              <strong>{processor.name}</strong> {processor.what}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          No outside service: on this server the reports are written from the built-in knowledge base, sign-in and
          storage stay here.
        </p>
      )}
      <p>The server and its database run with the hosting provider {config.operator.name} chose.</p>
      <h2 className="text-xl font-semibold">Erasure and questions</h2>
      <p>
        Delete any report from the list of your reports (“Delete” under it). To have your account and everything in it
        erased now, write to {contactLine(config)}
        {config.operator.contact_email ? ' from the email you signed up with' : ''}.
      </p>
    </Page>
  );
}

/** `/terms`: what the report is and is not, the price, how long it is kept. */
export function TermsPage() {
  const config = useConfig();
  return (
    <Page title="Terms">
      <p>This service is run by {config.operator.name}.</p>
      <h2 className="text-xl font-semibold">What you get</h2>
      <p>
        A research report on studying your subject in the UK and working there after, written from sourced facts, each
        with its source and date. It is information, not legal or immigration advice: rules change, so check GOV.UK and
        your university before you act.
      </p>
      <h2 className="text-xl font-semibold">Price</h2>
      <p>{priceLine(config)}</p>
      <h2 className="text-xl font-semibold">Keeping your report</h2>
      <p>
        A report can be read in your account for {KEPT_DAYS} days and is erased {ERASED_DAYS} days after it was written;
        download it as Markdown or print it to keep it.
      </p>
      <h2 className="text-xl font-semibold">Contact</h2>
      <p>Write to {contactLine(config)}.</p>
    </Page>
  );
}
