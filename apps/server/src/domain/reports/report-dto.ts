import type { Report } from '@uksmr/contract';
import type { ReportRow } from '@uksmr/database';

/** The contract's `Report`, as sent on the wire (snake_case, ISO dates): the type inferred from its schema. */
export type ReportDto = Report;

/** Maps a stored report row to the contract's `Report`. */
export function toReportDto(row: ReportRow): ReportDto {
  return {
    report_id: row.reportId,
    user_id: row.userId,
    subject: row.subject,
    country: 'UK',
    profile: row.profile,
    status: row.status,
    content: (row.content ?? null) as Report['content'],
    citations: (row.citations ?? null) as Report['citations'],
    generation_metadata: (row.generationMetadata ?? null) as Report['generation_metadata'],
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    expires_at: row.expiresAt.toISOString(),
    error_message: row.errorMessage,
  };
}
