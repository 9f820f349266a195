import { memo, type ReactNode } from 'react';
import { Markdown } from './Markdown.js';

/** Props of `SectionBlock`. */
export interface SectionBlockProps {
  readonly sectionKey: string;
  readonly title: string;
  readonly text: string;
  /** True while this section's text is still growing. */
  readonly writing?: boolean;
  readonly children?: ReactNode;
}

/** The in-page anchor of a section. */
export const sectionAnchor = (key: string): string => `section-${key}`;

/**
 * One report section: an `h2` with the contract's title and its Markdown text. Memoised: while a report streams,
 * a finished section (same text) is not rendered again.
 */
export const SectionBlock = memo(function SectionBlock({ sectionKey, title, text, writing = false, children }: SectionBlockProps) {
  const anchor = sectionAnchor(sectionKey);
  return (
    <section id={anchor} aria-labelledby={`${anchor}-title`} aria-busy={writing || undefined} className="report-section">
      <h2 id={`${anchor}-title`} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      <Markdown text={text} />
      {writing && (
        <span className="writing-caret" aria-hidden="true">
          ▍
        </span>
      )}
      {children}
    </section>
  );
});
