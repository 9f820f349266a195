/**
 * Stop-gap jobs without near-twins. A subject's facts may list the same job twice under two names (Nursing has
 * "Healthcare assistant (NHS bank / care home)" and the shared "Care / healthcare assistant (care homes, NHS bank)"),
 * which the report would then describe twice. Pure: no I/O.
 */

/** Words that say nothing about which job a title names. */
const FILLER = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'in', 'at', 'for', 'to', 'on', 'employed', 'agency']);

/** The words of a job title that name the job: lower case, singular (a trailing "s" dropped), no filler. */
export function titleWords(title: string): Set<string> {
  const words = title
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !FILLER.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return new Set(words);
}

/** Two titles name the same job when at least this share of their words (of the union) is common to both. */
export const SAME_JOB_OVERLAP = 0.6;

/** Whether two job titles name the same job (word overlap over the union at least {@link SAME_JOB_OVERLAP}). */
export function sameJob(a: string, b: string): boolean {
  const left = titleWords(a);
  const right = titleWords(b);
  const union = new Set([...left, ...right]);
  if (union.size === 0) return false;
  let common = 0;
  for (const word of left) if (right.has(word)) common += 1;
  return common / union.size >= SAME_JOB_OVERLAP;
}

/** The first `max` roles whose titles name different jobs, in their order; a later near-twin is left out. */
export function distinctRoles<T extends { readonly title: string }>(roles: readonly T[], max: number): T[] {
  const kept: T[] = [];
  for (const role of roles) {
    if (kept.length >= max) break;
    if (!kept.some((other) => sameJob(other.title, role.title))) kept.push(role);
  }
  return kept;
}
