import { Fragment, type ComponentProps, type ReactElement } from 'react';
import parseMarkdown, { type Components, type ExtraProps, type Options } from 'react-markdown';
import { citedSource, remarkCitationLinks, SOURCE_PREFIX } from './citations.js';
import { BoundedCache, splitBlocks } from './markdownBlocks.js';

type PluggableList = NonNullable<Options['remarkPlugins']>;

/** The remark plugins for one anchor prefix: made once per prefix, so react-markdown sees the same list. */
const PLUGINS = new BoundedCache<PluggableList>(200);
const pluginsFor = (prefix: string): PluggableList => PLUGINS.get(prefix, () => [[remarkCitationLinks, { prefix }]]);

function MarkdownLink({ node: _node, href = '', children, ...rest }: ComponentProps<'a'> & ExtraProps) {
  const source = citedSource(href);
  if (source !== null) {
    const label = typeof children === 'string' ? children.slice(1, -1) : source;
    return (
      <a
        {...rest}
        href={href}
        className="citation"
        aria-label={/[–,]/.test(label) ? `Sources ${label}` : `Source ${label}`}
      >
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
function renderBlock(block: string, prefix: string): ReactElement {
  const key = prefix === SOURCE_PREFIX ? block : `${prefix}\u0000${block}`;
  return RENDERED.get(key, () =>
    parseMarkdown({ children: block, skipHtml: true, remarkPlugins: pluginsFor(prefix), components: COMPONENTS }),
  );
}

/**
 * Renders a section's Markdown safely: raw HTML is dropped (no rehype-raw), unsafe link protocols are removed
 * by react-markdown's URL filter, and `[n]` markers link to the sources list. Each block is parsed once and kept, so
 * a streaming section costs the parse of its last, growing block only. `sourcePrefix` is the anchor prefix of the
 * sources the markers refer to (a follow-up's answer numbers its own sources).
 */
export function Markdown({
  text,
  sourcePrefix = SOURCE_PREFIX,
}: {
  readonly text: string;
  readonly sourcePrefix?: string;
}) {
  return (
    <div className="prose-report">
      {splitBlocks(text).map((block, index) => (
        <Fragment key={index}>{renderBlock(block, sourcePrefix)}</Fragment>
      ))}
    </div>
  );
}
