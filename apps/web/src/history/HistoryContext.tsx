import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api/ApiContext.js';
import type { Report } from '../api/types.js';
import { describeError } from '../components/errorMessage.js';

/** The student's report list, shared by the sidebar and the pages that change it. */
export interface History {
  readonly reports: readonly Report[];
  readonly loading: boolean;
  readonly error: string | null;
  /** Loads the list again (after a report was started, completed or failed). */
  readonly reload: () => void;
  /** Deletes a report (`DELETE /reports/{id}`) and drops it from the list. */
  readonly remove: (reportId: string) => Promise<void>;
}

const HistoryContext = createContext<History | null>(null);

/** The report list; only valid below `HistoryProvider`. */
export function useHistory(): History {
  const history = useContext(HistoryContext);
  if (!history) throw new Error('useHistory() used outside a HistoryProvider');
  return history;
}

/** Newest first, whatever order the server sent. */
export function newestFirst(reports: readonly Report[]): Report[] {
  return [...reports].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
}

/** Loads `GET /reports` and keeps it for the session. */
export function HistoryProvider({ children }: { readonly children: ReactNode }) {
  const api = useApi();
  const [reports, setReports] = useState<readonly Report[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    api
      .listReports()
      .then((list) => {
        if (!current) return;
        setReports(newestFirst(list.reports));
        setError(null);
      })
      .catch((caught: unknown) => current && setError(describeError(caught)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const remove = useCallback(
    async (reportId: string) => {
      await api.deleteReport(reportId);
      setReports((list) => list.filter((report) => report.report_id !== reportId));
    },
    [api],
  );

  const value = useMemo<History>(
    () => ({ reports, loading, error, reload, remove }),
    [reports, loading, error, reload, remove],
  );
  return <HistoryContext.Provider value={value}>{children}</HistoryContext.Provider>;
}
