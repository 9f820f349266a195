import { memo, useState, type ReactNode } from 'react';
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
 * One report section: an `h2` with the contract's title and its Markdown text. The title is a button that folds
 * the section away (a long report read on a phone), open by default and always open while it is being written.
 * Memoised: while a report streams, a finished section (same text) is not rendered again.
 */
export const SectionBlock = memo(function SectionBlock({
  sectionKey,
  title,
  text,
  writing = false,
  children,
}: SectionBlockProps) {
  const anchor = sectionAnchor(sectionKey);
  const [folded, setFolded] = useState(false);
  const open = writing || !folded;
  return (
    <section
      id={anchor}
      aria-labelledby={`${anchor}-title`}
      aria-busy={writing || undefined}
      className="report-section"
    >
      <h2 id={`${anchor}-title`} className="text-xl font-semibold text-slate-900">
        <button
          type="button"
          className="section-toggle"
          aria-expanded={open}
          aria-controls={`${anchor}-body`}
          onClick={() => setFolded(open)}
        >
          {title}
        </button>
      </h2>
      <div id={`${anchor}-body`} hidden={!open} className="space-y-3">
        <Markdown text={text} />
        {writing && (
          <span className="writing-caret" aria-hidden="true">
            ▍
          </span>
        )}
        {children}
      </div>
    </section>
  );
});
