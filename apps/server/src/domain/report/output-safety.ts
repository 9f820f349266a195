/**
 * Output safety: what a student typed and what a model wrote are stored as text that the web app's Markdown
 * renderer cannot turn into markup, scripts or links the report did not cite.
 */

/** HTML tags and comments (`<b>`, `<svg/onload=…>`, `<!-- … -->`), removed whole. */
const HTML_TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z!][^<>]*>/g;
/**
 * Markdown links and images: `[text](target "title")`, `![alt](target)`. The text may run over lines and hold
 * bracketed text such as a citation marker (`[the guidance\nof [2]](…)`), as a Markdown renderer reads it.
 */
const MARKDOWN_LINK =
  /(!?)\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+["'][^)]*["'])?\s*\)/g;
/** Reference-style link definitions: `[1]: https://…` on a line of their own. */
const LINK_DEFINITION = /^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$/gm;
/** Characters that make Markdown or HTML of plain words: links, tags, emphasis, headings, code, tables, escapes. */
const MARKDOWN_SYNTAX = /[[\]<>*_`#|~\\]/g;

/**
 * The student's subject as plain text: HTML tags removed, a Markdown link reduced to its words, and every
 * character that Markdown or HTML would read as syntax dropped; whitespace collapsed.
 */
export function plainText(text: string): string {
  return text
    .replace(HTML_TAG, ' ')
    .replace(MARKDOWN_LINK, (_all, _image: string, words: string) => words)
    .replace(MARKDOWN_SYNTAX, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `target` is a web address among `allowed` (the report's own sources). */
function isAllowedLink(target: string, allowed: ReadonlySet<string>): boolean {
  return /^https?:\/\//i.test(target) && allowed.has(target);
}

/**
 * Model-written Markdown made safe to store: raw HTML removed, images reduced to their alt text, and links kept
 * only when they point to one of the report's own sources (`javascript:`, `data:` and any other site become
 * their words); reference-style link definitions are removed. Citation markers `[n]` are kept.
 */
export function safeMarkdown(markdown: string, allowedLinks: ReadonlySet<string>): string {
  return markdown
    .replace(HTML_TAG, '')
    .replace(LINK_DEFINITION, '')
    .replace(MARKDOWN_LINK, (all, image: string, words: string, target: string) =>
      image === '' && isAllowedLink(target, allowedLinks) ? all : words,
    );
}

/** Every string inside `value` (objects and arrays walked) passed through `safeMarkdown`. */
export function safeContent<T>(value: T, allowedLinks: ReadonlySet<string>): T {
  if (typeof value === 'string') return safeMarkdown(value, allowedLinks) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => safeContent(item, allowedLinks)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, safeContent(item, allowedLinks)])) as T;
  }
  return value;
}
