import { plainWords } from '../../knowledge-base/plain-words.js';
import type { Retrieval } from '../../report/types.js';

/** The ids of the retrieved facts that start with `prefix`, for the instructions. */
function ids(retrieval: Retrieval, prefix: string): string[] {
  return retrieval.facts.filter((f) => f.id.startsWith(prefix)).map((f) => f.id);
}

/**
 * What the knowledge base holds for the subject and how the model must use it: the coverage note, typical degrees,
 * which facts the job section must list (each occupation, earnings, regulators) and that the summary opens with
 * whether the field's jobs can be sponsored; professional bodies by name (no source: no marker); fallback jobs.
 */
export function subjectData(retrieval: Retrieval): string {
  const { mapEntry, subjectEntry, coverage } = retrieval;
  const lines = [`Coverage: ${coverage.level}. ${coverage.note}`];
  if (!mapEntry) {
    lines.push('The knowledge base has no entry for this subject: subject-specific jobs and pay are not available.');
  } else {
    lines.push(`Subject: ${mapEntry.name}. Typical degrees: ${mapEntry.typical_degrees.join(', ')}.`);
    const [outlook] = ids(retrieval, 'outlook:');
    if (outlook) lines.push(`The Executive Summary opens with fact ${outlook}, said plainly: it decides whether the student can stay to work.`);
    const jobs = [...ids(retrieval, 'occupation:'), ...ids(retrieval, 'earnings:'), ...ids(retrieval, 'regulator:')];
    if (jobs.length > 0) {
      lines.push(
        `The Job Prospects section lists every one of these facts with its markers: ${jobs.join(', ')} (each occupation with its SOC code and title, whether it can be sponsored and until when, the going rate and the new-entrant rate, the Health and Care Worker route where it applies; the graduate earnings as a median for the subject group; the regulator and its route).`,
      );
    }
    if (mapEntry.professional_bodies.length > 0) {
      lines.push(`Professional bodies (name them; no source, so no marker): ${mapEntry.professional_bodies.map((b) => `${b.name} (${b.url})`).join('; ')}.`);
    }
  }
  const fallbacks = subjectEntry?.fallback_roles ?? [];
  if (fallbacks.length > 0) {
    lines.push('Fallback roles (pay is indicative; cite the National Living Wage fact for the pay floor):');
    lines.push(...fallbacks.map((role) => `  - ${role.title}: ${plainWords(`${role.typical_pay}${role.notes ? `; ${role.notes}` : ''}`)}`));
  }
  return lines.join('\n');
}
