import { jobName, payFactIds, payWords, HEALTH_CARE_THRESHOLD_FACT } from '../../knowledge-base/field-jobs.js';
import { plainWords } from '../../knowledge-base/plain-words.js';
import { distinctRoles } from '../../knowledge-base/distinct-roles.js';
import { NOT_AVAILABLE } from '../../report/sections.js';
import type { Retrieval } from '../../report/types.js';
import type { StudyLevel } from '../../profile/types.js';

/** The ids of the retrieved facts that start with `prefix`, for the instructions. */
function ids(retrieval: Retrieval, prefix: string): string[] {
  return retrieval.facts.filter((f) => f.id.startsWith(prefix)).map((f) => f.id);
}

/** The pay a sponsor must offer in each of the field's jobs, with the fact ids it rests on (the offline writer's words). */
function payLines(retrieval: Retrieval): string[] {
  const healthCare = retrieval.facts.find((f) => f.id === HEALTH_CARE_THRESHOLD_FACT)?.value;
  return retrieval.fieldJobs.map(
    (job) =>
      `  - ${jobName(job)}: ${payWords(job, healthCare, retrieval.mapEntry?.regulator != null, NOT_AVAILABLE)} (facts ${payFactIds(job).join(', ')})`,
  );
}

/** What the Study Options section says about applying at the student's level (UCAS and its dates for a bachelor's). */
function levelLines(level: StudyLevel): string[] {
  if (level !== 'undergraduate') return [];
  return [
    'Study Options (a bachelor\'s): the student applies through UCAS; state fact ucas-deadlines-by-course where given, and fact ucas-oxford-medicine-2027 only for 2027 entry. The facts hold no January equal-consideration date and no late-application date: write "Information not available" for them and point to ucas.com and the course page.',
  ];
}

/**
 * What the knowledge base holds for the subject and how the model must use it: the coverage note, the degrees at the
 * student's level, how HESA files the subject, which facts the job section must list (each occupation, typical roles,
 * earnings, regulators), the pay a sponsor must offer in each job (the summary gives it), that the summary opens with
 * whether the field's jobs can be sponsored; professional bodies by name (no source: no marker); the out-of-field jobs
 * of related subjects and the stop-gap jobs; where the work rules and the fees are stated once; and,
 * for a bachelor's, UCAS and the deadlines the facts hold.
 */
export function subjectData(retrieval: Retrieval, level: StudyLevel = 'postgraduate_taught'): string {
  const { mapEntry, subjectEntry, coverage } = retrieval;
  const lines = [
    `Coverage: ${coverage.level}. ${coverage.note}`,
    "In every section say what the rule means for this field's jobs and this student's level; state each UK-wide rule once and compactly.",
  ];
  if (!mapEntry) {
    lines.push('The knowledge base has no entry for this subject: subject-specific jobs and pay are not available.');
  } else {
    const degrees = mapEntry.typical_degrees;
    lines.push(
      `Subject: ${mapEntry.name}. Typical degrees: ${degrees.length > 0 ? degrees.join(', ') : 'not in the knowledge base'}.`,
    );
    const [outlook] = ids(retrieval, 'outlook:');
    if (outlook)
      lines.push(
        `The Executive Summary opens with fact ${outlook}, said plainly: it decides whether the student can stay to work.`,
      );
    const courses = ids(retrieval, 'courses:');
    if (courses.length > 0) lines.push(`Study Options names the other course names of fact ${courses.join(', ')}.`);
    const relatedCourses = ids(retrieval, 'related-courses:');
    if (relatedCourses.length > 0)
      lines.push(`Study Options names the related subjects of fact ${relatedCourses.join(', ')}.`);
    const pay = payLines(retrieval);
    if (pay.length > 0) {
      lines.push(
        "The Executive Summary's threshold bullet gives, for the field's jobs, the pay a sponsor must offer (jobs with the same figures together; the general £41,700 only where it is the figure after the new-entrant years), with the markers of the facts named:",
        ...pay,
      );
    }
    const jobs = [
      ...ids(retrieval, 'occupation:'),
      ...ids(retrieval, 'role:'),
      ...ids(retrieval, 'earnings:'),
      ...ids(retrieval, 'regulator:'),
    ];
    if (jobs.length > 0) {
      lines.push(
        `The Job Prospects section lists every one of these facts with its markers: ${jobs.join(', ')} (each occupation with its SOC code and title, whether it can be sponsored and until when, the going rate and the new-entrant rate, the Health and Care Worker route where it applies; the typical roles with their indicative pay; the graduate earnings as a median for the subject group; the regulator and its route).`,
      );
    }
    if (mapEntry.professional_bodies.length > 0) {
      lines.push(
        `Professional bodies (name them; no source, so no marker): ${mapEntry.professional_bodies.map((b) => `${b.name} (${b.url})`).join('; ')}.`,
      );
    }
  }
  const related = retrieval.relatedJobs.filter((job) => retrieval.facts.some((f) => f.id === job.factId));
  if (related.length > 0) {
    lines.push(
      'Fallback Job Prospects opens with these out-of-field degree-level jobs, each fact with its markers and the related subjects whose graduates enter it (no source for the subjects, so no marker):',
      ...related.map((job) => `  - fact ${job.factId}: graduates of ${job.subjects.slice(0, 3).join(', ')}`),
    );
  }
  lines.push(
    'The work rules while studying (hours, pay floor, tax, what the visa forbids) are stated once, in Visa & Immigration; the Estimated Costs money table states the visa fee and the health surcharge, which are not stated again.',
  );
  lines.push(...levelLines(level));
  const fallbacks = distinctRoles(subjectEntry?.fallback_roles ?? [], Number.POSITIVE_INFINITY);
  if (fallbacks.length > 0) {
    lines.push('Fallback roles (pay is indicative; cite the National Living Wage fact for the pay floor):');
    lines.push(
      ...fallbacks.map(
        (role) => `  - ${role.title}: ${plainWords(`${role.typical_pay}${role.notes ? `; ${role.notes}` : ''}`)}`,
      ),
    );
  }
  return lines.join('\n');
}
