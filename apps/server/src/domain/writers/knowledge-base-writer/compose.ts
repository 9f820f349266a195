import type { NumberedSource, ReportContent, WriterInput } from '../../report/types.js';
import { CitationRegistry } from './citation-registry.js';
import { createContext, type WritingContext } from './context.js';
import { executiveSummary, livingCosts, studyOptions, tuitionRanges } from './sections-overview.js';
import { actionPlan, risksRealityCheck, sourcesSection } from './sections-plan.js';
import { fallbackJobs, jobProspects, postStudyWork, visaImmigration } from './sections-work.js';

/** A composed report: its content and the sources it cites, numbered 1..n in the order the text cites them. */
export interface ComposedReport {
  readonly content: ReportContent;
  readonly sources: readonly NumberedSource[];
}

/** Every section but the sources, written in the report's order (so sources are numbered as they are read). */
function writeSections(ctx: WritingContext): Omit<ReportContent, 'sources' | 'knowledge_base_as_of'> {
  return {
    executive_summary: executiveSummary(ctx),
    study_options: studyOptions(ctx),
    estimated_costs: { tuition_ranges: tuitionRanges(ctx), living_costs: livingCosts(ctx) },
    visa_immigration: visaImmigration(ctx),
    post_study_work: postStudyWork(ctx),
    job_prospects_in_field: jobProspects(ctx),
    fallback_job_prospects: fallbackJobs(ctx),
    risks_reality_check: risksRealityCheck(ctx),
    action_plan: actionPlan(ctx),
  };
}

/**
 * Writes the whole report from the retrieved facts. A first pass finds which facts the section templates place;
 * the second writes the report with the rest (subject-specific facts) added by topic, so nothing retrieved is lost.
 */
export function composeReport(input: WriterInput): ComposedReport {
  const { retrieval } = input;
  const placed = new Set<string>();
  writeSections(createContext(input, new CitationRegistry(retrieval.sources), placed, []));
  const unplaced = retrieval.facts.filter((fact) => !placed.has(fact.id));
  const registry = new CitationRegistry(retrieval.sources);
  const body = writeSections(createContext(input, registry, new Set(), unplaced));
  const sources = registry.sources();
  return {
    content: { ...body, sources: sourcesSection(retrieval.asOf, sources), knowledge_base_as_of: retrieval.asOf },
    sources,
  };
}
