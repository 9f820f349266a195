import type { ReportDto } from '../reports/report-dto.js';
import type { SectionKey } from '../report/sections.js';

/** The contract's stream events of `GET /reports/{report_id}/stream`. */
export type StreamEvent =
  | { readonly event: 'status'; readonly data: { readonly status: ReportDto['status'] } }
  | { readonly event: 'section'; readonly data: { readonly key: SectionKey; readonly title: string } }
  | { readonly event: 'delta'; readonly data: { readonly key: SectionKey; readonly text: string } }
  | { readonly event: 'complete'; readonly data: { readonly report: ReportDto } }
  | { readonly event: 'error'; readonly data: { readonly code: string; readonly detail: string } };

/** The `code` of a stream `error` event when generation failed. */
export const GENERATION_FAILED = 'GENERATION_FAILED';
