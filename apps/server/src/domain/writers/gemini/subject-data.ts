import { formatGbpRange } from '../../knowledge-base/format.js';
import type { SubjectEntry } from '../../knowledge-base/schema.js';
import type { Retrieval } from '../../report/types.js';

/** The markers of the entry's sources as numbered for this report, e.g. `[2][5]`. */
function entryMarkers(entry: SubjectEntry, retrieval: Retrieval): string {
  const numbers = retrieval.sources.filter((s) => entry.source_ids.includes(s.sourceId)).map((s) => `[${s.n}]`);
  return numbers.length > 0 ? numbers.join('') : '(no numbered source)';
}

/** Whether a role can be sponsored on the Skilled Worker route, in words. */
function sponsorship(eligible: SubjectEntry['in_field_roles'][number]['skilled_worker_eligible']): string {
  if (eligible === 'depends') return 'depends on the job';
  return eligible ? 'eligible' : 'not eligible';
}

/**
 * The parts of the knowledge base's subject entry that the retrieved facts do not already carry
 * (degrees, regulation, in-field roles with pay and sponsorship, fallback jobs), with the numbered
 * sources that support them; a plain notice when the knowledge base has no entry for the subject.
 */
export function subjectData(retrieval: Retrieval): string {
  const entry = retrieval.subjectEntry;
  if (!entry) return 'The knowledge base has no entry for this subject: subject-specific figures are not available.';
  const roles = entry.in_field_roles.map(
    (role) =>
      `  - ${role.title}${role.soc_code ? ` (SOC ${role.soc_code})` : ''}: typical salary ${formatGbpRange(role.typical_salary_gbp)}; ` +
      `Skilled Worker sponsorship ${sponsorship(role.skilled_worker_eligible)}${role.notes ? `; ${role.notes}` : ''}`,
  );
  const fallbacks = entry.fallback_roles.map((role) => `  - ${role.title}: ${role.typical_pay}${role.notes ? `; ${role.notes}` : ''}`);
  return [
    `Subject: ${entry.name}, supported by ${entryMarkers(entry, retrieval)}`,
    `Typical degrees: ${entry.typical_degrees.join(', ')}`,
    ...(entry.regulated_profession ? [`Regulated profession: ${entry.regulated_profession}`] : []),
    'In-field roles:',
    ...(roles.length > 0 ? roles : ['  (none listed)']),
    'Fallback roles:',
    ...(fallbacks.length > 0 ? fallbacks : ['  (none listed)']),
  ].join('\n');
}
