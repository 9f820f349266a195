import { lazy, Suspense, useState } from 'react';
import { useConfig } from '../api/ConfigContext.js';
import { Loading } from '../components/Loading.js';
import { SECTIONS } from '../report/sections.js';
import { Link } from '../router/Link.js';
import { ERASED_DAYS, KEPT_DAYS, priceLine } from './facts.js';

/** The sample and its renderer load only when asked for, so the first page stays light. */
const SampleReport = lazy(() => import('./SampleReport.js').then((module) => ({ default: module.SampleReport })));

/**
 * `/` for a visitor who is not signed in: what the report is, for whom, what it holds, the price, a real sample
 * (on request), sign-up and sign-in, and the Privacy and Terms pages.
 */
export function FirstPage() {
  const config = useConfig();
  const [showSample, setShowSample] = useState(false);
  return (
    <div className="mx-auto max-w-3xl space-y-10 py-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold text-slate-900 sm:text-4xl">
          Studying in the UK? Get a cited research report on your subject.
        </h1>
        <p className="text-lg text-slate-800">
          For students from India, Pakistan, Bangladesh, Sri Lanka and Nepal planning to study — and then work — in the
          UK. Type the subject you want to study (“Nursing”, “MSc Data Science in London from September 2027”); the chat
          asks what it needs, and a structured report is written while you watch.
        </p>
        <p className="font-medium text-slate-900">{priceLine(config)}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-up" className="btn-primary">
            Create an account
          </Link>
          <Link href="/sign-in" className="btn-secondary text-base">
            Sign in
          </Link>
        </div>
      </section>

      <section className="space-y-3" aria-labelledby="holds">
        <h2 id="holds" className="text-xl font-semibold text-slate-900">
          What the report holds
        </h2>
        <ol className="list-decimal space-y-1 pl-6 text-slate-800">
          {SECTIONS.map((section) => (
            <li key={section.key}>{section.title}</li>
          ))}
        </ol>
        <p className="text-slate-800">
          Every figure — fees, visa costs, salary thresholds, dates — carries a numbered source: its title, publisher,
          link and the date it was checked (mostly GOV.UK, UKCISA, the NHS and universities). Each report says how
          recent its knowledge base is, and what it could not find.
        </p>
        <p className="text-slate-800">
          A report stays in your account for {KEPT_DAYS} days — download or print it to keep it — and is erased{' '}
          {ERASED_DAYS} days after it was written.
        </p>
      </section>

      <section className="space-y-3" aria-labelledby="sample">
        <h2 id="sample" className="text-xl font-semibold text-slate-900">
          A real sample
        </h2>
        {showSample ? (
          <Suspense fallback={<Loading label="Loading the sample…" />}>
            <SampleReport />
          </Suspense>
        ) : (
          <button type="button" className="btn-secondary text-base" onClick={() => setShowSample(true)}>
            Show the sample report (Nursing)
          </button>
        )}
      </section>

      <footer className="flex flex-wrap gap-4 border-t border-slate-200 pt-4 text-sm">
        <Link href="/privacy" className="link">
          Privacy
        </Link>
        <Link href="/terms" className="link">
          Terms
        </Link>
        <span className="text-slate-700">Run by {config.operator.name}</span>
      </footer>
    </div>
  );
}
