import { Fragment, type ComponentProps, type ReactElement } from 'react';
import parseMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import { remarkCitationLinks } from './citations.js';
import { BoundedCache, splitBlocks } from './markdownBlocks.js';

const REMARK_PLUGINS = [remarkCitationLinks];

function MarkdownLink({ node: _node, href = '', children, ...rest }: ComponentProps<'a'> & ExtraProps) {
  if (href.startsWith('#source-')) {
    const label = typeof children === 'string' ? children.slice(1, -1) : href.slice('#source-'.length);
    return (
      <a {...rest} href={href} className="citation" aria-label={/[–,]/.test(label) ? `Sources ${label}` : `Source ${label}`}>
        {children}
      </a>
    );
  }
  return (
    <a {...rest} href={href} className="link" target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** Headings inside a section sit below the section's own `h2`. */
function SubHeading({ node: _node, children, ...rest }: ComponentProps<'h3'> & ExtraProps) {
  return <h3 {...rest}>{children}</h3>;
}

const COMPONENTS: Components = { a: MarkdownLink, h1: SubHeading, h2: SubHeading };

/** Rendered blocks by their text: a report's blocks are parsed once, while streaming and when it completes. */
const RENDERED = new BoundedCache<ReactElement>(2_000);

/** One block's elements: react-markdown's synchronous `Markdown` is a pure function of its props. */
function renderBlock(block: string): ReactElement {
  return RENDERED.get(block, () => parseMarkdown({ children: block, skipHtml: true, remarkPlugins: REMARK_PLUGINS, components: COMPONENTS }));
}

/**
 * Renders a section's Markdown safely: raw HTML is dropped (no rehype-raw), unsafe link protocols are removed
 * by react-markdown's URL filter, and `[n]` markers link to the sources list. Each block is parsed once and kept, so
 * a streaming section costs the parse of its last, growing block only.
 */
export function Markdown({ text }: { readonly text: string }) {
  return (
    <div className="prose-report">
      {splitBlocks(text).map((block, index) => (
        <Fragment key={index}>{renderBlock(block)}</Fragment>
      ))}
    </div>
  );
}
