import { useId, useState } from 'react';
import { navigate } from '../router/router.js';
import { useHistory } from './HistoryContext.js';
import { ReportListItem } from './ReportListItem.js';

/** Props of `Sidebar`. */
export interface SidebarProps {
  /** The report on screen, highlighted in the list. */
  readonly currentReportId: string | null;
}

/** "Your reports": the student's reports, newest first, with "New report"; collapsible on small screens. */
export function Sidebar({ currentReportId }: SidebarProps) {
  const history = useHistory();
  const [open, setOpen] = useState(false);
  const listId = useId();

  const remove = async (reportId: string): Promise<void> => {
    await history.remove(reportId);
    if (reportId === currentReportId) navigate('/chat');
  };

  return (
    <aside className="border-b border-slate-200 bg-slate-50 md:w-72 md:shrink-0 md:border-r md:border-b-0 print:hidden">
      <div className="flex items-center gap-2 p-3">
        <button type="button" className="btn-primary flex-1" onClick={() => navigate('/chat')}>
          New report
        </button>
        <button
          type="button"
          className="btn-secondary md:hidden"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Hide reports' : 'Show reports'}
        </button>
      </div>
      <nav id={listId} aria-label="Your reports" className={`${open ? 'block' : 'hidden'} px-2 pb-4 md:block`}>
        <p className="px-2 pb-2 text-sm font-semibold text-slate-800">Your reports</p>
        {history.error && (
          <p role="alert" className="px-2 text-sm text-red-800">
            {history.error}
          </p>
        )}
        {!history.loading && !history.error && history.reports.length === 0 && (
          <p className="px-2 text-sm text-slate-700">No reports yet. Ask about a subject to start one.</p>
        )}
        <ul className="space-y-1">
          {history.reports.map((report) => (
            <ReportListItem
              key={report.report_id}
              report={report}
              current={report.report_id === currentReportId}
              onDelete={remove}
            />
          ))}
        </ul>
      </nav>
    </aside>
  );
}
