/** A Markdown syntax-tree node, as far as the citation pass needs to know it (mdast). */
export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  children?: MdNode[];
}

const MARKER = /\[(\d+)\]/g;

/** The in-page anchor of the numbered source `n`. */
export const sourceAnchor = (n: number | string): string => `source-${n}`;

/** Splits a text into text nodes and links: each `[n]` becomes a link to `#source-n`. */
export function splitCitations(text: string): MdNode[] {
  const nodes: MdNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > last) nodes.push({ type: 'text', value: text.slice(last, match.index) });
    nodes.push({ type: 'link', url: `#${sourceAnchor(match[1] ?? '')}`, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push({ type: 'text', value: text.slice(last) });
  return nodes;
}

function linkCitations(node: MdNode): void {
  if (!node.children || node.type === 'link' || node.type === 'linkReference') return;
  node.children = node.children.flatMap((child) => {
    if (child.type === 'text') return splitCitations(child.value ?? '');
    linkCitations(child);
    return [child];
  });
}

/** A remark plugin that turns `[n]` citation markers in text (not in code or links) into links to `#source-n`. */
export function remarkCitationLinks() {
  return (tree: MdNode): void => linkCitations(tree);
}
