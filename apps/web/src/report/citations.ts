/** A Markdown syntax-tree node, as far as the citation pass needs to know it (mdast). */
export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

/** One marker `[n]`, or several side by side (`[4][5][6]`, `[4], [5]`), which are shown as one group. */
const MARKERS = /\[\d+\](?:\s*,?\s*\[\d+\])*/g;

/** "[4–6]" for 4, 5, 6; "[2, 7]" for 2 and 7; "[3, 5–7]": runs of consecutive numbers joined by an en dash. */
export function groupLabel(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j += 1;
    runs.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return `[${runs.join(', ')}]`;
}

/** The prefix of a report's source anchors; a follow-up's answer has its own (its sources are numbered anew). */
export const SOURCE_PREFIX = 'source-';

/** The in-page anchor of the numbered source `n` (`prefix` tells one answer's sources from another's). */
export const sourceAnchor = (n: number | string, prefix: string = SOURCE_PREFIX): string => `${prefix}${n}`;

/** The source number a citation link points at (`#source-4`, `#answer-q1-source-4` → "4"), or null for any other link. */
export function citedSource(href: string): string | null {
  return /^#(?:[\w-]+-)?source-(\d+)$/.exec(href)?.[1] ?? null;
}

/**
 * Splits a text into text nodes and links: each `[n]`, or each group of adjacent markers, becomes one link to the
 * first source of the group, labelled "[4–6]" (one tap target instead of three small ones).
 */
export function splitCitations(text: string, prefix: string = SOURCE_PREFIX): MdNode[] {
  const nodes: MdNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKERS)) {
    if (match.index > last) nodes.push({ type: 'text', value: text.slice(last, match.index) });
    const numbers = [...match[0].matchAll(/\d+/g)].map((n) => Number(n[0]));
    const first = Math.min(...numbers);
    nodes.push({
      type: 'link',
      url: `#${sourceAnchor(first, prefix)}`,
      children: [{ type: 'text', value: groupLabel(numbers) }],
    });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push({ type: 'text', value: text.slice(last) });
  return nodes;
}

function linkCitations(node: MdNode, prefix: string): void {
  if (!node.children || node.type === 'link' || node.type === 'linkReference') return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'text') return splitCitations(child.value ?? '', prefix);
    linkCitations(child, prefix);
    return [child];
  });
}

/**
 * A remark plugin that turns `[n]` citation markers in text (not in code or links) into links to `#source-n`
 * (`#<prefix>n` with the option `prefix`).
 */
export function remarkCitationLinks(options: { readonly prefix?: string } = {}) {
  const prefix = options.prefix ?? SOURCE_PREFIX;
  return (tree: MdNode): void => linkCitations(tree, prefix);
}
