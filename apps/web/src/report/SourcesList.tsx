import { useEffect, useRef } from 'react';
import type { Citation } from '../api/types.js';
import { formatDate } from '../components/dates.js';
import { sourceAnchor } from './citations.js';

/** Who published a source, as its address says: "gov.uk", "nhs.uk", "ukcisa.org.uk". */
export function publisherOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * The numbered sources a report cites, listed once: title, publisher, link, accessed date and the supporting
 * excerpt. Collapsed by default; following a marker (`#source-n`) opens it.
 */
export function SourcesList({ citations }: { readonly citations: readonly Citation[] }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const openForHash = (): void => {
      if (window.location.hash.startsWith('#source-') && details.current) details.current.open = true;
    };
    openForHash();
    window.addEventListener('hashchange', openForHash);
    return () => window.removeEventListener('hashchange', openForHash);
  }, []);
  const sorted = [...citations].sort((a, b) => a.id - b.id);
  return (
    <details ref={details} className="rounded-lg border border-slate-200">
      <summary className="min-h-11 cursor-pointer px-4 py-3 font-medium text-slate-900">
        {sorted.length} sources, each with its publisher, link and the date it was checked
      </summary>
      <ol className="space-y-3 px-4 pb-4" aria-label="Sources">
        {sorted.map((citation) => (
          <li key={citation.id} id={sourceAnchor(citation.id)} className="source-entry scroll-mt-20 border-t border-slate-100 pt-3">
            <p className="font-medium text-slate-900">
              <span className="mr-2 text-slate-700">[{citation.id}]</span>
              <a href={citation.url} className="link source-title" target="_blank" rel="noopener noreferrer">
                {citation.title}
              </a>
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {publisherOf(citation.url)} · checked {formatDate(citation.accessed_date)}
            </p>
            {citation.relevant_excerpt && (
              <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 text-sm text-slate-800">{citation.relevant_excerpt}</blockquote>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
