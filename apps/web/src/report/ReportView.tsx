import { useEffect, useRef } from 'react';
import type { Report } from '../api/types.js';
import { formatDate } from '../components/dates.js';
import { DISCLAIMER, GOV_UK_STUDENT_VISA_URL } from './disclaimer.js';
import { ReportActions } from './ReportActions.js';
import { sectionAnchor, SectionBlock } from './SectionBlock.js';
import { sectionMarkdown, SECTIONS } from './sections.js';
import { SourcesList } from './SourcesList.js';

/** A section as the view shows it: streamed so far, or stored. */
export interface ShownSection {
  readonly key: string;
  readonly title: string;
  readonly text: string;
}

/** Props of `ReportView`. */
export interface ReportViewProps {
  /** The stored report; while it streams, null (then `streamed` is shown). */
  readonly report: Report | null;
  /** The sections streamed so far, shown until the stored report arrives. */
  readonly streamed?: readonly ShownSection[];
  /** The key of the section being written. */
  readonly writingKey?: string | null;
  /** True while the report is being written. */
  readonly busy?: boolean;
  /**
   * The report was just written in front of the reader: its actions and contents go below the text rather than
   * above it, so that the text they were reading does not move, and the report takes the focus without scrolling.
   */
  readonly justWritten?: boolean;
}

/**
 * A report: actions, as-of date, table of contents, the ten sections, sources and disclaimer. The same element tree
 * shows the text while it streams and the stored report once complete, so that completion re-renders no finished
 * section (their text is the same) and moves nothing the reader sees.
 */
export function ReportView({
  report,
  streamed = [],
  writingKey = null,
  busy = false,
  justWritten = false,
}: ReportViewProps) {
  const root = useRef<HTMLDivElement>(null);
  const content = report?.content ?? null;
  useEffect(() => {
    if (justWritten && content) root.current?.focus({ preventScroll: true });
  }, [justWritten, content]);
  // The stored sources are listed once, as the list below section 10's heading, not also as its text.
  const cited = (report?.citations?.length ?? 0) > 0;
  const sections: readonly ShownSection[] = content
    ? SECTIONS.map((section) => ({
        key: section.key,
        title: section.title,
        text: section.key === 'sources' && cited ? '' : sectionMarkdown(content, section.key),
      }))
    : streamed;
  if (sections.length === 0 && !busy) return null;
  const header = report && content ? <ReportHeader report={report} content={content} /> : null;
  return (
    <div
      ref={root}
      role={content ? 'article' : undefined}
      aria-label={report && content ? `Report: ${report.subject}` : undefined}
      aria-busy={busy || undefined}
      tabIndex={content ? -1 : undefined}
      className="space-y-6 focus:outline-none"
    >
      {!justWritten && header}
      {sections.map((section) => (
        <SectionBlock
          key={section.key}
          sectionKey={section.key}
          title={section.title}
          text={section.text}
          writing={section.key === writingKey}
        >
          {report && section.key === 'sources' ? <SourcesList citations={report.citations ?? []} /> : null}
        </SectionBlock>
      ))}
      {justWritten && header}
      {content && <Disclaimer />}
    </div>
  );
}

/** Actions, as-of date and contents of a report. */
function ReportHeader({
  report,
  content,
}: {
  readonly report: Report;
  readonly content: NonNullable<Report['content']>;
}) {
  return (
    <>
      <ReportActions report={report} />
      <p className="text-sm text-slate-700">
        {content.knowledge_base_as_of && <>Knowledge base as of {formatDate(content.knowledge_base_as_of)}. </>}
        {report.completed_at && <>Written {formatDate(report.completed_at)}.</>}
      </p>
      {/* Sticky: on a phone the contents stay one tap away while the reader scrolls. */}
      <nav
        aria-label="Contents"
        className="sticky top-0 z-10 rounded-lg border border-slate-200 bg-slate-50/95 print:static"
      >
        <details>
          <summary className="min-h-11 cursor-pointer px-4 py-2.5 font-semibold text-slate-900">Contents</summary>
          <ol className="list-decimal space-y-1 pr-4 pb-3 pl-9">
            {SECTIONS.map((section) => (
              <li key={section.key}>
                <a href={`#${sectionAnchor(section.key)}`} className="link inline-block py-1">
                  {section.title}
                </a>
              </li>
            ))}
          </ol>
        </details>
      </nav>
    </>
  );
}

/** Not legal advice; check GOV.UK. */
export function Disclaimer() {
  return (
    <aside
      aria-label="Disclaimer"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      {DISCLAIMER}{' '}
      <a href={GOV_UK_STUDENT_VISA_URL} className="link" target="_blank" rel="noopener noreferrer">
        Student visa on GOV.UK
      </a>
    </aside>
  );
}
