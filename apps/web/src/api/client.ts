import { isUnauthorized, send, sendJson } from './http.js';
import type { CreatedQuestion, QuestionList, QuestionStreamEvent } from './questions.js';
import { streamEvents, streamReport } from './stream.js';
import type {
  CreateReportResult,
  PaymentState,
  ProfileAnswers,
  QueryReading,
  Report,
  ReportList,
  ReportStreamEvent,
} from './types.js';

/** Where the client gets its Bearer token: the local session or Clerk. */
export interface TokenSource {
  /** The current token, or null when signed out. */
  getToken(): Promise<string | null>;
  /** A fresh token after the API refused the current one, or null when the session is over. */
  refreshToken(): Promise<string | null>;
}

const reportPath = (reportId: string): string => `/reports/${encodeURIComponent(reportId)}`;
const questionsPath = (reportId: string): string => `${reportPath(reportId)}/questions`;

/** The typed API of the signed-in student; every call sends the Bearer token and retries once after a 401. */
export class ApiClient {
  constructor(private readonly tokens: TokenSource) {}

  /** `GET /reports` (light by default): the student's own reports, newest first, without their content (for the sidebar). */
  listReports(limit = 50, offset = 0): Promise<ReportList> {
    return this.withToken((token) => sendJson<ReportList>(`/reports?limit=${limit}&offset=${offset}`, { token }));
  }

  /** `GET /reports/{id}`: one stored report (404 for anyone else's). */
  getReport(reportId: string): Promise<Report> {
    return this.withToken((token) => sendJson<Report>(reportPath(reportId), { token }));
  }

  /** `POST /queries`: reads the student's words (free, stores nothing): subject, profile, coverage, questions left. */
  readQuery(text: string, answers: ProfileAnswers = {}): Promise<QueryReading> {
    return this.withToken((token) =>
      sendJson<QueryReading>('/queries', { method: 'POST', body: { text, ...answers }, token }),
    );
  }

  /** `POST /reports`: starts a report (201) or, with payments on, a Stripe Checkout (200), with the chat's answers. */
  createReport(subject: string, answers: ProfileAnswers = {}): Promise<CreateReportResult> {
    return this.withToken(async (token) => {
      const response = await send('/reports', { method: 'POST', body: { subject, country: 'UK', ...answers }, token });
      const body = (await response.json()) as { report: Report } | { checkout_url: string; session_id: string };
      return 'report' in body
        ? { kind: 'report', report: body.report }
        : { kind: 'checkout', checkout_url: body.checkout_url, session_id: body.session_id };
    });
  }

  /** `DELETE /reports/{id}`. */
  async deleteReport(reportId: string): Promise<void> {
    await this.withToken((token) => send(reportPath(reportId), { method: 'DELETE', token }));
  }

  /** `GET /payments/{session_id}`: whether the paid report exists yet. */
  getPayment(sessionId: string): Promise<PaymentState> {
    return this.withToken((token) => sendJson<PaymentState>(`/payments/${encodeURIComponent(sessionId)}`, { token }));
  }

  /** Follows a report's live stream; see `streamReport`. */
  followReport(reportId: string, onEvent: (event: ReportStreamEvent) => void, signal?: AbortSignal): Promise<void> {
    return this.withToken((token) => streamReport(reportId, token, onEvent, signal));
  }

  /** `POST /reports/{id}/questions`: asks a follow-up about a completed report (429 past the report's allowance). */
  askQuestion(reportId: string, text: string): Promise<CreatedQuestion> {
    return this.withToken((token) =>
      sendJson<CreatedQuestion>(questionsPath(reportId), { method: 'POST', body: { text }, token }),
    );
  }

  /** `GET /reports/{id}/questions`: the report's follow-ups with their stored answers (no AI call). */
  listQuestions(reportId: string): Promise<QuestionList> {
    return this.withToken((token) => sendJson<QuestionList>(questionsPath(reportId), { token }));
  }

  /** Follows a follow-up's answer as it is written (or replayed from storage); see `streamEvents`. */
  followQuestion(
    reportId: string,
    questionId: string,
    onEvent: (event: QuestionStreamEvent) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const path = `${questionsPath(reportId)}/${encodeURIComponent(questionId)}/stream`;
    return this.withToken((token) => streamEvents(path, token, onEvent, signal));
  }

  private async withToken<T>(call: (token: string | null) => Promise<T>): Promise<T> {
    try {
      return await call(await this.tokens.getToken());
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      const fresh = await this.tokens.refreshToken();
      if (fresh === null) throw error;
      return call(fresh);
    }
  }
}
