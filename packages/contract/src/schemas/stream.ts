import { z } from 'zod';
import { SECTION_KEYS } from '../sections.js';
import { REPORT_STATUSES, type StreamEventName } from '../values.js';
import { reportSchema } from './report.js';

/**
 * The `data` of each event of `GET /reports/{report_id}/stream` (`event: <name>`, `data: <one JSON object>`):
 * `status` first, then `section` and `delta` as the text grows, and `complete` or `error` last.
 */
export const streamEventDataSchemas = {
  status: z.object({ status: z.enum(REPORT_STATUSES) }),
  section: z.object({ key: z.enum(SECTION_KEYS), title: z.string() }),
  delta: z.object({ key: z.enum(SECTION_KEYS), text: z.string() }),
  complete: z.object({ report: reportSchema }),
  error: z.object({ code: z.string(), detail: z.string() }),
} as const satisfies Record<StreamEventName, z.ZodType>;

/** The `data` of the stream event `name`. */
export type StreamEventData<N extends StreamEventName> = z.infer<(typeof streamEventDataSchemas)[N]>;

/** One event of the report stream as the server writes it: its name and its data. */
export type StreamEvent = {
  [N in StreamEventName]: { readonly event: N; readonly data: StreamEventData<N> };
}[StreamEventName];

/** One event of the report stream as the web app hands it on: its name as `type`, beside the data's fields. */
export type ReportStreamEvent = { [N in StreamEventName]: { readonly type: N } & StreamEventData<N> }[StreamEventName];
