import type { RuleChange } from '../knowledge-base/dated-rules.js';
import type { FieldJob } from '../knowledge-base/field-jobs.js';
import type { RelatedJob } from '../knowledge-base/related-jobs.js';
import type { SubjectEntry } from '../knowledge-base/schema.js';
import type { Coverage, MatchedVia } from '../knowledge-base/subject-map.js';
import type { MapSubject } from '../knowledge-base/subject-map-schema.js';
import type { Citation, GenerationMetadata, ReportContent, SectionKey } from '@uksmr/contract';
import type { StudentProfile } from '../profile/types.js';
import type { SubjectCourse } from '../knowledge-base/course-lengths.js';

/** The wire shapes of a citation, a completed report's content and its generation metadata (the contract's). */
export type { Citation, GenerationMetadata, ReportContent } from '@uksmr/contract';

/** A live event a writer emits while it writes: a section starts, or its text grows. */
export type WriterEvent =
  | { readonly type: 'section'; readonly key: SectionKey; readonly title: string }
  | { readonly type: 'delta'; readonly key: SectionKey; readonly text: string };

/** A source as numbered for one report: the knowledge base's source plus the excerpt that supports the claims. */
export interface NumberedSource {
  readonly n: number;
  readonly sourceId: string;
  readonly url: string;
  readonly title: string;
  readonly publisher: string;
  readonly accessedDate: string;
  /** Whether the page's text was read when the facts were compiled (it sets the credibility score). */
  readonly textChecked: boolean;
  /** A verbatim quote from the page, where the knowledge base holds one; null otherwise. */
  readonly excerpt: string | null;
}

/** What the knowledge base retrieved for one subject; see `domain/knowledge-base`. */
export interface Retrieval {
  /** The student's canonical subject, as the query rules returned it. */
  readonly subject: string;
  /** The knowledge base's as-of date (ISO). */
  readonly asOf: string;
  /** The ISO day whose rules the retrieval states (shortage lists, Graduate length): the report's "today". */
  readonly on: string;
  /** The subject-map entry the report is about (the subject's own, or its parent group), or null. */
  readonly mapEntry: MapSubject | null;
  readonly matchedVia: MatchedVia;
  /** How deep the knowledge base goes for the subject, with the plain sentence that says so. */
  readonly coverage: Coverage;
  /** Dated changes from `on` to a few years ahead (rules that start or end, shortage-list places that end). */
  readonly changes: readonly RuleChange[];
  /** The field's jobs (the map entry's occupations) with their sponsorship and the pay a sponsor must offer. */
  readonly fieldJobs: readonly FieldJob[];
  /** Out-of-field degree-level jobs that graduates of related subjects enter (the Fallback section's). */
  readonly relatedJobs: readonly RelatedJob[];
  /** The facts file's own subject entry (a `detailed` subject), or null. */
  readonly subjectEntry: SubjectEntry | null;
  /** The subject's courses whose full-time length the knowledge base records (the dates assume one at the level). */
  readonly courses?: readonly SubjectCourse[];
  /** Facts retrieved for this report, each with its numbered source references. */
  readonly facts: readonly RetrievedFact[];
  /** Sources numbered 1..n in the order they are first cited. */
  readonly sources: readonly NumberedSource[];
}

/** A knowledge-base fact as retrieved for a report, with the numbers of the sources that support it. */
export interface RetrievedFact {
  readonly id: string;
  readonly topic: string;
  readonly statement: string;
  readonly value?: string;
  readonly effectiveFrom?: string;
  /** The last day the rule applies, where it ends. */
  readonly effectiveUntil?: string;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly note?: string;
  readonly sourceNumbers: readonly number[];
}

/** What a writer is asked to write. */
export interface WriterInput {
  readonly subject: string;
  readonly retrieval: Retrieval;
  /** Aborts the generation (whole-generation timeout). */
  readonly signal?: AbortSignal;
  /** "Today" for the dated action plan. */
  readonly now: Date;
  /** The knowledge base's subject id the subject was resolved to (null when none); writers may ignore it. */
  readonly subjectId?: string | null;
  /** What the report is written for (level, intake, city, nationality; each null when unknown). */
  readonly profile?: StudentProfile;
}

/** A finished, validated report as a writer returns it. */
export interface WriterResult {
  readonly content: ReportContent;
  readonly citations: Citation[];
  readonly metadata: GenerationMetadata;
}

/** A report writer: the Gemini writer or the offline knowledge-base writer. */
export interface ReportWriter {
  readonly provider: GenerationMetadata['provider'];
  /** Writes the report, calling `emit` for each section start and text delta as it goes. */
  write(input: WriterInput, emit: (event: WriterEvent) => void): Promise<WriterResult>;
}

/** A writer failure whose `studentMessage` is safe to show (no stack, no provider internals). */
export class WriterError extends Error {
  constructor(
    message: string,
    readonly studentMessage: string,
    readonly reason: 'timeout' | 'provider' | 'invalid_output' | 'aborted',
  ) {
    super(message);
    this.name = 'WriterError';
  }
}
