/** Remarks that a figure was not confirmed: shown to the student only as "not confirmed", in plain words. */
const UNCONFIRMED_REMARK =
  /\b(from memory|third[- ]party|verify|(low|medium) confidence|unverified|sources disagree|unconfirmed)\b/i;

/** Remarks about how a figure was worked out from confirmed ones: they stay in the knowledge base. */
const WORKING_REMARK = /\b(derived|our calculation)\b/i;

/** The plain words that replace a bracket's remarks that a figure is not confirmed. */
export const NOT_CONFIRMED = 'not confirmed';

/**
 * A bracket as the student may read it: remarks that a figure is unconfirmed become one "not confirmed" where the
 * first of them stood, remarks on how it was worked out are dropped, and any other words stay; the whole bracket goes
 * when nothing is left.
 */
function cleanBracket(inner: string): string {
  const kept = inner
    .split(/\s*;\s*|,\s+/)
    .filter((part) => part !== '' && !WORKING_REMARK.test(part))
    .map((part) => (UNCONFIRMED_REMARK.test(part) ? NOT_CONFIRMED : part))
    .filter((part, i, all) => part !== NOT_CONFIRMED || all.indexOf(part) === i);
  return kept.length === 0 ? '' : ` (${kept.join(', ')})`;
}

/**
 * A knowledge-base text as the student may read it. Bracketed notes on how a figure was compiled never reach the
 * paid text as they are: "(from memory)", "(third-party; verify)", "(low confidence)" and "(medium confidence)" say
 * "(not confirmed)" instead, so a figure nobody checked is marked in plain words; "(derived)" and "(our
 * calculation)" are removed. Other words in the bracket are kept; a text says "(not confirmed)" once, at its first
 * unconfirmed figure.
 */
export function plainWords(text: string): string {
  let marked = false;
  return text
    .replace(/\s*\(([^()]*)\)/g, (_match, inner: string) => cleanBracket(inner))
    .replace(/ \(not confirmed\)/g, (mark) => {
      if (marked) return '';
      marked = true;
      return mark;
    })
    .replace(/\s+([.,;])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
