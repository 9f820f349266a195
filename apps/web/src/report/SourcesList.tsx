import type { Citation } from '../api/types.js';
import { formatDate } from '../components/dates.js';
import { sourceAnchor } from './citations.js';

/** The numbered sources a report cites: title, link, accessed date and the supporting excerpt. */
export function SourcesList({ citations }: { readonly citations: readonly Citation[] }) {
  const sorted = [...citations].sort((a, b) => a.id - b.id);
  return (
    <ol className="mt-4 space-y-4" aria-label="Sources">
      {sorted.map((citation) => (
        <li key={citation.id} id={sourceAnchor(citation.id)} className="source-entry scroll-mt-20 rounded-lg border border-slate-200 p-4">
          <p className="font-medium text-slate-900">
            <span className="mr-2 text-slate-700">[{citation.id}]</span>
            <a href={citation.url} className="link source-title" target="_blank" rel="noopener noreferrer">
              {citation.title}
            </a>
          </p>
          <p className="mt-1 break-all text-sm text-slate-700">{citation.url}</p>
          <p className="mt-1 text-sm text-slate-700">Accessed {formatDate(citation.accessed_date)}</p>
          {citation.relevant_excerpt && (
            <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 text-sm text-slate-800">
              {citation.relevant_excerpt}
            </blockquote>
          )}
        </li>
      ))}
    </ol>
  );
}
