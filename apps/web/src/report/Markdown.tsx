import type { ComponentProps } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import { remarkCitationLinks } from './citations.js';

const REMARK_PLUGINS = [remarkCitationLinks];

function MarkdownLink({ node: _node, href = '', children, ...rest }: ComponentProps<'a'> & ExtraProps) {
  if (href.startsWith('#source-')) {
    return (
      <a {...rest} href={href} className="citation" aria-label={`Source ${href.slice('#source-'.length)}`}>
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
function SubHeading({ node: _node, ...rest }: ComponentProps<'h3'> & ExtraProps) {
  return <h3 {...rest} />;
}

const COMPONENTS: Components = { a: MarkdownLink, h1: SubHeading, h2: SubHeading };

/**
 * Renders a section's Markdown safely: raw HTML is dropped (no rehype-raw), unsafe link protocols are removed
 * by react-markdown's URL filter, and `[n]` markers link to the sources list.
 */
export function Markdown({ text }: { readonly text: string }) {
  return (
    <div className="prose-report">
      <ReactMarkdown skipHtml remarkPlugins={REMARK_PLUGINS} components={COMPONENTS}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
