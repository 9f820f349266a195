import { useEffect, useRef } from 'react';
import type { Citation } from '../api/types.js';
import { formatDate } from '../components/dates.js';
import { SOURCE_PREFIX, sourceAnchor } from './citations.js';

/** Who published a source, as its address says: "gov.uk", "nhs.uk", "ukcisa.org.uk". */
export function publisherOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Props of `SourcesList`. */
export interface SourcesListProps {
  readonly citations: readonly Citation[];
  /** The anchor prefix of the entries (`source-` for a report; a follow-up's answer has its own). */
  readonly prefix?: string;
  /** The list's accessible name. */
  readonly label?: string;
}

/**
 * The numbered sources a report (or an answer) cites, listed once: title, publisher, link, accessed date and the
 * supporting excerpt. Collapsed by default; following one of its markers (`#source-n`) opens it.
 */
export function SourcesList({ citations, prefix = SOURCE_PREFIX, label = 'Sources' }: SourcesListProps) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const openForHash = (): void => {
      if (new RegExp(`^#${prefix}\\d+$`).test(window.location.hash) && details.current) details.current.open = true;
    };
    openForHash();
    window.addEventListener('hashchange', openForHash);
    return () => window.removeEventListener('hashchange', openForHash);
  }, [prefix]);
  const sorted = [...citations].sort((a, b) => a.id - b.id);
  return (
    <details ref={details} className="rounded-lg border border-slate-200">
      <summary className="min-h-11 cursor-pointer px-4 py-3 font-medium text-slate-900">
        {sorted.length} sources, each with its publisher, link and the date it was checked
      </summary>
      <ol className="space-y-3 px-4 pb-4" aria-label={label}>
        {sorted.map((citation) => (
          <li
            key={citation.id}
            id={sourceAnchor(citation.id, prefix)}
            className="source-entry scroll-mt-20 border-t border-slate-100 pt-3"
          >
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
              <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 text-sm text-slate-800">
                {citation.relevant_excerpt}
              </blockquote>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
