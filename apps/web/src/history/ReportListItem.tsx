import { useState } from 'react';
import type { Report, ReportStatus } from '../api/types.js';
import { shortMonthLabel } from '../chat/conversation.js';
import { addDays, daysLeft, formatDate, formatDateTime } from '../components/dates.js';
import { ERASED_DAYS } from '../home/facts.js';
import { describeError } from '../components/errorMessage.js';
import { Link } from '../router/Link.js';

const STATUS_LABELS: Record<ReportStatus, string> = {
  pending: 'Waiting',
  generating: 'Writing',
  completed: 'Ready',
  failed: 'Failed',
  expired: 'Expired',
};

/** Props of `ReportListItem`. */
export interface ReportListItemProps {
  readonly report: Report;
  readonly current: boolean;
  readonly onDelete: (reportId: string) => Promise<void>;
}

/** "29 days left", "1 day left", "Deleted today". */
export function daysLeftLabel(expiresAt: string, now?: Date): string {
  const days = daysLeft(expiresAt, now);
  if (days === 0) return 'Deleted today';
  return `${days} day${days === 1 ? '' : 's'} left`;
}

/** "1 Dec 14:05 · Sept 2027 · London": when the report was asked for, and what it was written for. */
export function reportLine(report: Report): string {
  const { intake, city } = report.profile;
  return [formatDateTime(report.created_at), intake && shortMonthLabel(intake), city].filter(Boolean).join(' · ');
}

/** One report in the sidebar: subject, time and profile, status, days left, and delete with confirmation. */
export function ReportListItem({ report, current, onDelete }: ReportListItemProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirmDelete = async (): Promise<void> => {
    try {
      await onDelete(report.report_id);
    } catch (caught) {
      setError(describeError(caught));
      setConfirming(false);
    }
  };

  return (
    <li className={`rounded-lg ${current ? 'bg-blue-50 ring-1 ring-blue-200' : ''}`}>
      <Link href={`/reports/${report.report_id}`} aria-current={current ? 'page' : undefined} className="report-link">
        <span className="block truncate font-medium text-slate-900">{report.subject}</span>
        <span className="block text-xs text-slate-700">
          {reportLine(report)} · {STATUS_LABELS[report.status]} · {daysLeftLabel(report.expires_at)}
        </span>
      </Link>
      {confirming ? (
        <div role="group" aria-label={`Confirm deletion of ${report.subject}`} className="space-y-2 px-3 pb-3 text-sm">
          <p className="text-slate-800">
            Delete this report? It leaves your list and can no longer be opened, at once. The stored copy is erased{' '}
            {ERASED_DAYS} days after it was written, on {formatDate(addDays(report.created_at, ERASED_DAYS))}.
          </p>
          <div className="flex gap-2">
            <button type="button" className="btn-danger" onClick={() => void confirmDelete()}>
              Delete
            </button>
            {/* Focus moves to the safe choice after the student pressed Delete (not on page load). */}
            {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
            <button type="button" className="btn-secondary" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="mx-3 mb-2 text-xs text-red-800 underline hover:text-red-950"
          aria-label={`Delete report: ${report.subject}`}
          onClick={() => setConfirming(true)}
        >
          Delete
        </button>
      )}
      {error && (
        <p role="alert" className="px-3 pb-2 text-xs text-red-800">
          {error}
        </p>
      )}
    </li>
  );
}
