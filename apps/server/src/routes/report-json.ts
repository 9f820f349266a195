import type { FastifyReply } from 'fastify';
import fastJson from 'fast-json-stringify';
import type { ReportRow } from '@uksmr/database';
import { toReportDto } from '../domain/reports/report-dto.js';
import { responseJsonSchema } from '../serializer.js';
import { reportListSchema, reportSchema } from '@uksmr/contract';

/** The report's fields but its stored result, compiled once. */
const writeEnvelope: (dto: object) => string = fastJson(
  responseJsonSchema(reportSchema.omit({ content: true, citations: true, generation_metadata: true })),
);

/** Stored JSON text as it goes on the wire; null (SQL NULL) as `null`. */
const raw = (text: unknown): string => (typeof text === 'string' ? text : 'null');

/**
 * The contract's `Report` as JSON text, from a row read with `jsonAsText`: the small fields through the compiled
 * serializer, the stored result (tens of kilobytes of Markdown) spliced in as PostgreSQL returned it, so that it is
 * neither parsed nor escaped again. PostgreSQL's `jsonb` text is valid JSON, and it was the writer's validated
 * output when stored.
 */
export function reportJson(row: ReportRow): string {
  const envelope = writeEnvelope(toReportDto({ ...row, content: null, citations: null, generationMetadata: null }));
  return `${envelope.slice(0, -1)},"content":${raw(row.content)},"citations":${raw(row.citations)},"generation_metadata":${raw(row.generationMetadata)}}`;
}

/** The light list (rows read without their result), compiled once: the same bytes the route's serializer writes. */
const writeLightList: (list: object) => string = fastJson(responseJsonSchema(reportListSchema));

/** The light `GET /reports` body (content, citations and metadata null). */
export function lightListJson(
  rows: readonly ReportRow[],
  page: { total: number; limit: number; offset: number },
): string {
  return writeLightList({ reports: rows.map(toReportDto), ...page });
}

/** The `GET /reports` body of rows read with `jsonAsText`. */
export function reportListJson(
  rows: readonly ReportRow[],
  page: { total: number; limit: number; offset: number },
): string {
  return `{"reports":[${rows.map(reportJson).join(',')}],"total":${page.total},"limit":${page.limit},"offset":${page.offset}}`;
}

/**
 * Sends a body already written as JSON text (or its UTF-8 bytes, as the read cache keeps it): Fastify serialises only
 * objects, so a string or a Buffer with a JSON type goes as it is. (Typed as the plain reply: the route's own reply type accepts only the schema's objects.)
 */
export function sendJsonText(reply: FastifyReply, text: string | Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
