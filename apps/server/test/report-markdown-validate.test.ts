import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Citation, ReportContent } from '../src/domain/report/types.js';
import { reportMarkdown } from './support/gemini-stand-in.js';
import type * as Markdown from '../src/domain/report/markdown.js';
import type * as Validate from '../src/domain/report/validate.js';
let parseReportMarkdown: typeof Markdown.parseReportMarkdown;
let citedNumbers: typeof Validate.citedNumbers;
let reportText: typeof Validate.reportText;
let validateReport: typeof Validate.validateReport;

// Imported afresh so that the module-level patterns are built within this run (Stryker does not reload modules
// between mutant runs, so a pattern built before the mutant was active would hide it).
beforeAll(async () => {
  vi.resetModules();
  ({ parseReportMarkdown } = await import('../src/domain/report/markdown.js'));
  ({ citedNumbers, reportText, validateReport } = await import('../src/domain/report/validate.js'));
});

/** Citations with the given ids. */
function citations(...ids: number[]): Citation[] {
  return ids.map((id) => ({
    id,
    url: `https://www.gov.uk/${id}`,
    title: `Source ${id}`,
    accessed_date: '2026-11-26',
    relevant_excerpt: 'x',
  }));
}

/** A valid content citing sources 1 and 2. */
function content(): ReportContent {
  return parseReportMarkdown(reportMarkdown([1, 2]), '2026-11-26').content!;
}

describe('citedNumbers', () => {
  it('finds [n] and [n, m] markers once each, in order of first use', () => {
    expect(citedNumbers('Fees rose [3]. Visa [1, 2]; work [2;4] and [3] again.')).toEqual([3, 1, 2, 4]);
  });

  it('ignores brackets that hold no number', () => {
    expect(citedNumbers('[a] [ ] [1a] [see 2] text')).toEqual([]);
  });
});

describe('validateReport', () => {
  it('accepts a complete report whose markers all have citations', () => {
    expect(validateReport(content(), citations(1, 2))).toEqual([]);
  });

  it('reports empty sections and sub-sections', () => {
    const report: ReportContent = {
      ...content(),
      study_options: '  ',
      action_plan: { '30_days': 'a [1]', '60_days': '', '90_days': 'c' },
    };
    expect(validateReport(report, citations(1, 2))).toEqual([
      'Section "Study Options in the UK" is empty.',
      'Sub-section "30/60/90-Day Action Plan / 60 Days" is empty.',
    ]);
  });

  it.each([
    [4, 4],
    [11, 11],
  ])('reports a summary of %i bullets', (count) => {
    const report = { ...content(), executive_summary: Array.from({ length: count }, () => 'point [1]') };
    expect(validateReport(report, citations(1, 2))).toEqual([
      `The Executive Summary has ${count} bullet points; it needs 5 to 10, each a line starting with "- ".`,
    ]);
  });

  it.each([5, 10])('accepts a summary of %i bullets', (count) => {
    const report = { ...content(), executive_summary: Array.from({ length: count }, () => 'point [1]') };
    expect(validateReport(report, citations(1, 2))).toEqual([]);
  });

  it('counts only non-empty bullets', () => {
    const report = { ...content(), executive_summary: ['a [1]', 'b', 'c', 'd', ' '] };
    expect(validateReport(report, citations(1))[0]).toContain('has 4 bullet points');
  });

  it('reports a report without any citation', () => {
    const uncited = parseReportMarkdown(
      reportMarkdown([]).replace('## Sources & Citations\n\n', '## Sources & Citations\n\nNone.'),
      'x',
    ).content!;
    expect(citedNumbers(reportText(uncited))).toEqual([]);
    expect(validateReport(uncited, [])).toEqual([
      'The report cites no source: put the marker [n] of a numbered source after each fact it supports.',
    ]);
    expect(validateReport(uncited, citations(1))).toEqual([
      'The report cites no source: put the marker [n] of a numbered source after each fact it supports.',
    ]);
    expect(validateReport(content(), [])).toContain(
      'The report cites no source: put the marker [n] of a numbered source after each fact it supports.',
    );
  });

  it('reports each marker whose number is not a citation id', () => {
    const report = { ...content(), visa_immigration: 'Visa [7] and [7] and [9].' };
    expect(validateReport(report, citations(1, 2))).toEqual([
      '[7] is not one of the numbered sources; cite only the numbers listed.',
      '[9] is not one of the numbered sources; cite only the numbers listed.',
    ]);
  });
});
