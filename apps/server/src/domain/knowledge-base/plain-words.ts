/** Remarks about how a figure was compiled: they stay in the knowledge base, never in the paid text. */
const INTERNAL_REMARK = /\b(from memory|derived|third[- ]party|verify|low confidence|our calculation|unverified)\b/i;

/** Drops the internal parts of a bracketed remark; the whole bracket when nothing else is left. */
function cleanBracket(inner: string): string {
  const kept = inner
    .split(/\s*;\s*|,\s+/)
    .filter((part) => part !== '' && !INTERNAL_REMARK.test(part))
    .join(', ');
  return kept === '' ? '' : ` (${kept})`;
}

/**
 * A knowledge-base text as the student may read it: bracketed notes on how a figure was compiled ("(from memory)",
 * "(derived)", "(third-party; verify)", "(low confidence)") are removed, keeping any other words in the bracket.
 */
export function plainWords(text: string): string {
  return text
    .replace(/\s*\(([^()]*)\)/g, (_match, inner: string) => cleanBracket(inner))
    .replace(/\s+([.,;])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
