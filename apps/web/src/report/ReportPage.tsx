import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext.js';
import { useConfig } from '../api/ConfigContext.js';
import { ApiError } from '../api/errors.js';
import type { Report } from '../api/types.js';
import { LiveReport } from '../chat/LiveReport.js';
import { describeError, describeFailure } from '../components/errorMessage.js';
import { Loading } from '../components/Loading.js';
import { FollowUps } from '../followups/FollowUps.js';
import { MessageBubble } from '../components/MessageBubble.js';
import { Notice } from '../components/Notice.js';
import { useHistory } from '../history/HistoryContext.js';
import { Link } from '../router/Link.js';
import { ReportView } from './ReportView.js';

type Load =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly report: Report }
  | { readonly state: 'missing' }
  | { readonly state: 'error'; readonly message: string };

function Answer({
  report,
  onSettled,
}: {
  readonly report: Report;
  readonly onSettled: (report: Report | null) => void;
}) {
  const { payments_enabled: paid } = useConfig();
  switch (report.status) {
    case 'completed':
      return <ReportView report={report} />;
    case 'pending':
    case 'generating':
      return <LiveReport reportId={report.report_id} onSettled={onSettled} />;
    case 'failed':
      return (
        <Notice tone="error">
          {describeFailure(report.error_message ?? 'The report could not be written.', paid)}
        </Notice>
      );
    case 'expired':
      return (
        <Notice tone="info">This report has expired: reports are kept for 30 days. Start a new one at any time.</Notice>
      );
  }
}

/**
 * `/reports/{id}`: the stored report as a chat turn (the subject as the student's bubble, the report as the
 * answer). A report still being written is followed live; someone else's report is "Report not found". Under a
 * completed report (stored, or just written) come its follow-up questions and their composer (`FollowUps`).
 */
export function ReportPage({ reportId }: { readonly reportId: string }) {
  const api = useApi();
  const { reload } = useHistory();
  // The outcome is kept with the report it belongs to, so opening another report shows "loading" at once
  // without a second render from inside the effect.
  const [settled, setSettled] = useState<{ readonly reportId: string; readonly load: Load }>();
  const load: Load = settled?.reportId === reportId ? settled.load : { state: 'loading' };
  // The report as the live stream finished it, kept with its id the same way: follow-ups open under a report
  // just written, too.
  const [finishedFor, setFinishedFor] = useState<{ readonly reportId: string; readonly report: Report }>();
  const finished = finishedFor?.reportId === reportId ? finishedFor.report : null;

  useEffect(() => {
    let current = true;
    const setLoad = (next: Load): void => {
      if (current) setSettled({ reportId, load: next });
    };
    api
      .getReport(reportId)
      .then((report) => setLoad({ state: 'loaded', report }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) setLoad({ state: 'missing' });
        else setLoad({ state: 'error', message: describeError(error) });
      });
    return () => {
      current = false;
    };
  }, [api, reportId]);

  const onSettled = useCallback(
    (settled: Report | null) => {
      reload();
      if (settled) setFinishedFor({ reportId, report: settled });
    },
    [reload, reportId],
  );

  if (load.state === 'loading') return <Loading label="Opening your report…" />;
  if (load.state === 'missing' || load.state === 'error') {
    return (
      <div className="mx-auto max-w-3xl space-y-4 py-10">
        <h1 className="text-2xl font-semibold text-slate-900">
          {load.state === 'missing' ? 'Report not found' : 'Could not open the report'}
        </h1>
        <p className="text-slate-800">
          {load.state === 'missing'
            ? 'This report does not exist, was deleted, or belongs to another account.'
            : load.message}
        </p>
        <Link href="/chat" className="link">
          Start a new report
        </Link>
      </div>
    );
  }
  const { report } = load;
  const shown = finished ?? report;
  return (
    <div className="mx-auto w-full max-w-3xl space-y-6 py-6">
      <h1 className="sr-only text-2xl font-semibold text-slate-900 print:not-sr-only">
        Studying {report.subject} in the UK
      </h1>
      <MessageBubble role="user">{report.subject}</MessageBubble>
      <MessageBubble role="assistant">
        <Answer report={report} onSettled={onSettled} />
      </MessageBubble>
      {shown.status === 'completed' && <FollowUps report={shown} />}
    </div>
  );
}
