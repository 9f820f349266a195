/** A report's sentences without citation markers, Markdown emphasis or list marks, for comparing reports. */
export function sentences(text: string): string[] {
  return text
    .replace(/\[\d+\]/g, '')
    .replace(/[*_`#]/g, '')
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z“"'(])/)
    .map((s) =>
      s
        .replace(/^\s*-\s*/, '')
        .replace(/\s+/g, ' ')
        .replace(/\s+([.,;:])/g, '$1')
        .trim(),
    )
    .filter((s) => s.split(' ').length >= 4);
}
