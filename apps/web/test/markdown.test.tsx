import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { splitCitations } from '../src/report/citations.js';
import { Markdown } from '../src/report/Markdown.js';

describe('Markdown', () => {
  it('turns [n] markers into links to #source-n', () => {
    render(<Markdown text={'Fees rose in 2025 [2] and again [10].'} />);
    const two = screen.getByRole('link', { name: 'Source 2' });
    expect(two).toHaveAttribute('href', '#source-2');
    expect(two).toHaveTextContent('[2]');
    expect(screen.getByRole('link', { name: 'Source 10' })).toHaveAttribute('href', '#source-10');
  });

  it('links markers inside emphasis and list items, but not in code or inside links', () => {
    const { container } = render(<Markdown text={'- **Costs [1]**\n- `array[0]`\n- [see [3]](https://www.gov.uk)'} />);
    expect(screen.getByRole('link', { name: 'Source 1' })).toBeInTheDocument();
    expect(container.querySelector('code')).toHaveTextContent('array[0]');
    expect(screen.queryByRole('link', { name: 'Source 0' })).toBeNull();
    expect(screen.getByRole('link', { name: 'see [3]' })).toHaveAttribute('href', 'https://www.gov.uk');
  });

  it('opens outside links in a new tab without an opener', () => {
    render(<Markdown text="[GOV.UK](https://www.gov.uk/student-visa)" />);
    const link = screen.getByRole('link', { name: 'GOV.UK' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('never lets raw HTML or script URLs reach the page', () => {
    const { container } = render(
      <Markdown
        text={'<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) ## Heading'}
      />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.innerHTML).not.toContain('javascript:');
    expect(container.innerHTML).not.toContain('onerror');
  });

  it('renders headings inside a section below the section heading', () => {
    render(<Markdown text={'## Tuition Ranges\n\ntext\n\n# Top'} />);
    expect(screen.getByRole('heading', { level: 3, name: 'Tuition Ranges' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Top' })).toBeInTheDocument();
  });
});

describe('splitCitations', () => {
  it('splits text around markers', () => {
    expect(splitCitations('a [1] b')).toEqual([
      { type: 'text', value: 'a ' },
      { type: 'link', url: '#source-1', children: [{ type: 'text', value: '[1]' }] },
      { type: 'text', value: ' b' },
    ]);
    expect(splitCitations('none')).toEqual([{ type: 'text', value: 'none' }]);
  });
});

describe('grouped citation markers', () => {
  it('shows adjacent markers as one tap target', async () => {
    const { groupLabel } = await import('../src/report/citations.js');
    expect(groupLabel([10, 11, 12])).toBe('[10–12]');
    expect(groupLabel([2, 7])).toBe('[2, 7]');
    expect(groupLabel([3, 5, 6, 7, 7])).toBe('[3, 5–7]');
    expect(groupLabel([4, 5])).toBe('[4, 5]');
    render(<Markdown text={'Band 5 pay [4][5][6]. Fees [2], [9].'} />);
    const group = screen.getByRole('link', { name: 'Sources 4–6' });
    expect(group).toHaveTextContent('[4–6]');
    expect(group).toHaveAttribute('href', '#source-4');
    expect(screen.getByRole('link', { name: 'Sources 2, 9' })).toHaveAttribute('href', '#source-2');
  });
});

describe('Markdown blocks', () => {
  it('cuts at blank lines outside code fences', async () => {
    const { splitBlocks } = await import('../src/report/markdownBlocks.js');
    expect(splitBlocks('a\nb\n\n\n- c\n- d\n\n```\nx\n\ny\n```\n\nlast')).toEqual([
      'a\nb',
      '- c\n- d',
      '```\nx\n\ny\n```',
      'last',
    ]);
    expect(splitBlocks('')).toEqual([]);
  });

  it('keeps a bounded number of entries, dropping the oldest', async () => {
    const { BoundedCache } = await import('../src/report/markdownBlocks.js');
    const cache = new BoundedCache<number>(2);
    let made = 0;
    const make = () => ++made;
    expect(cache.get('a', make)).toBe(1);
    expect(cache.get('a', make)).toBe(1);
    cache.get('b', make);
    cache.get('c', make);
    expect(cache.size).toBe(2);
    expect(cache.get('a', make)).toBe(4);
  });
});
