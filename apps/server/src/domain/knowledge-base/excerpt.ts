/** The longest excerpt a numbered source or citation carries. */
export const EXCERPT_MAX_CHARS = 400;

/**
 * The excerpt that shows what a source supports: the distinct statements that cite it, in order, as many whole
 * statements as fit in `max` characters; a first statement longer than that is cut at a word with "…".
 */
export function excerptOf(statements: readonly string[], max = EXCERPT_MAX_CHARS): string {
  const distinct = [...new Set(statements.map((statement) => statement.trim()).filter((s) => s !== ''))];
  let text = '';
  for (const statement of distinct) {
    const next = text === '' ? statement : `${text} ${statement}`;
    if (next.length > max) return text === '' ? cutAtWord(statement, max) : text;
    text = next;
  }
  return text;
}

function cutAtWord(text: string, max: number): string {
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > 0 ? head.slice(0, space) : head).replace(/[\s,;:.(–-]+$/, '')}…`;
}
