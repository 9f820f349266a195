import type { Report } from '../api/types.js';
import { ReportView } from '../report/ReportView.js';
import sample from './sample-report.json';

/** The stored sample (written by `npm run sample:generate` with the offline knowledge-base writer), marked as such. */
export function SampleReport() {
  const report = sample as unknown as Report;
  return (
    <div className="space-y-3 rounded-2xl border-2 border-dashed border-amber-400 p-4">
      <p className="inline-block rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-950">
        Sample — a real report on “{report.subject}”, written {report.completed_at?.slice(0, 10)}; figures as of its
        sources’ dates
      </p>
      <ReportView report={report} />
    </div>
  );
}
