import type { Report } from '../api/types.js';
import { formatDate } from '../components/dates.js';
import { DISCLAIMER, GOV_UK_STUDENT_VISA_URL } from './disclaimer.js';
import { ReportActions } from './ReportActions.js';
import { sectionAnchor, SectionBlock } from './SectionBlock.js';
import { sectionMarkdown, SECTIONS } from './sections.js';
import { SourcesList } from './SourcesList.js';

/** A completed report: actions, as-of date, table of contents, the ten sections, sources and disclaimer. */
export function ReportView({ report }: { readonly report: Report }) {
  const { content } = report;
  if (!content) return null;
  return (
    <article className="space-y-6" aria-label={`Report: ${report.subject}`}>
      <ReportActions report={report} />
      <p className="text-sm text-slate-700">
        {content.knowledge_base_as_of && <>Knowledge base as of {formatDate(content.knowledge_base_as_of)}. </>}
        {report.completed_at && <>Written {formatDate(report.completed_at)}.</>}
      </p>
      <nav aria-label="Contents" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
        <p className="font-semibold text-slate-900">Contents</p>
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          {SECTIONS.map((section) => (
            <li key={section.key}>
              <a href={`#${sectionAnchor(section.key)}`} className="link">
                {section.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {SECTIONS.map((section) => (
        <SectionBlock key={section.key} sectionKey={section.key} title={section.title} text={sectionMarkdown(content, section.key)}>
          {section.key === 'sources' && <SourcesList citations={report.citations ?? []} />}
        </SectionBlock>
      ))}
      <Disclaimer />
    </article>
  );
}

/** Not legal advice; check GOV.UK. */
export function Disclaimer() {
  return (
    <aside aria-label="Disclaimer" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      {DISCLAIMER}{' '}
      <a href={GOV_UK_STUDENT_VISA_URL} className="link" target="_blank" rel="noopener noreferrer">
        Student visa on GOV.UK
      </a>
    </aside>
  );
}
