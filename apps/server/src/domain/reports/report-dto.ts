import type { ReportProfile, ReportRow } from '@uksmr/database';
import type { Citation, GenerationMetadata, ReportContent } from '../report/types.js';

/** The contract's `Report`, as sent on the wire (snake_case, ISO dates). */
export interface ReportDto {
  readonly report_id: string;
  readonly user_id: string;
  readonly subject: string;
  readonly country: 'UK';
  /** What the report was written for; each part null when unknown. */
  readonly profile: ReportProfile;
  readonly status: ReportRow['status'];
  readonly content: ReportContent | null;
  readonly citations: Citation[] | null;
  readonly generation_metadata: GenerationMetadata | null;
  readonly created_at: string;
  readonly completed_at: string | null;
  readonly expires_at: string;
  readonly error_message: string | null;
}

/** Maps a stored report row to the contract's `Report`. */
export function toReportDto(row: ReportRow): ReportDto {
  return {
    report_id: row.reportId,
    user_id: row.userId,
    subject: row.subject,
    country: 'UK',
    profile: row.profile,
    status: row.status,
    content: (row.content ?? null) as ReportContent | null,
    citations: (row.citations ?? null) as Citation[] | null,
    generation_metadata: (row.generationMetadata ?? null) as GenerationMetadata | null,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    expires_at: row.expiresAt.toISOString(),
    error_message: row.errorMessage,
  };
}
