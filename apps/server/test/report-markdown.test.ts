import { beforeAll, describe, expect, it, vi } from 'vitest';
import { reportMarkdown as renderReport } from '../src/domain/report/render.js';
import { SECTION_KEYS } from '../src/domain/report/sections.js';
import type { WriterEvent } from '../src/domain/report/types.js';
import { reportMarkdown } from './support/gemini-stand-in.js';
import type * as Markdown from '../src/domain/report/markdown.js';
import type * as Headings from '../src/domain/report/headings.js';
let createSectionSplitter: typeof Markdown.createSectionSplitter;
let parseReportMarkdown: typeof Markdown.parseReportMarkdown;
let sectionForHeading: typeof Headings.sectionForHeading;

// Imported afresh so that the module-level patterns are built within this run (Stryker does not reload modules
// between mutant runs, so a pattern built before the mutant was active would hide it).
beforeAll(async () => {
  vi.resetModules();
  ({ createSectionSplitter, parseReportMarkdown } = await import('../src/domain/report/markdown.js'));
  ({ sectionForHeading } = await import('../src/domain/report/headings.js'));
});

/** Feeds pieces to a splitter and returns the events it emitted. */
function split(pieces: readonly string[]): { events: WriterEvent[]; text: string } {
  const events: WriterEvent[] = [];
  const splitter = createSectionSplitter((e) => events.push(e));
  for (const piece of pieces) splitter.push(piece);
  splitter.end();
  return { events, text: splitter.text() };
}

/** The text each section received, joined from its deltas. */
function textsOf(events: readonly WriterEvent[]): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const e of events) texts[e.key] = (texts[e.key] ?? '') + (e.type === 'delta' ? e.text : '');
  return texts;
}

describe('section headings', () => {
  it.each([
    ['## Executive Summary', 'executive_summary'],
    ['## 1. Executive Summary', 'executive_summary'],
    ['##   EXECUTIVE SUMMARY  ##', 'executive_summary'],
    ['# Executive summary:', 'executive_summary'],
    ['### **Visa and Immigration Overview**', 'visa_immigration'],
    ['##Post Study Work Options', 'post_study_work'],
    ['## 9) 30/60/90-Day Action Plan', 'action_plan'],
    ['## Section 10: Sources & Citations', 'sources'],
    ['## Job Prospects in the Chosen Subject: Nursing', 'job_prospects_in_field'],
    ['## Fallback Job Prospects (Out-of-Field)\r', 'fallback_job_prospects'],
  ])('%j starts %s', (line, key) => {
    expect(sectionForHeading(line)?.key).toBe(key);
  });

  it.each([
    '#### Executive Summary',
    '## Executive',
    '    ## Executive Summary',
    'Executive Summary',
    '## ',
    '## Summary',
  ])('%j is no section heading', (line) => {
    expect(sectionForHeading(line)).toBeNull();
  });
});

describe('createSectionSplitter', () => {
  it('emits a section event per heading and the text as deltas, however the stream is cut', () => {
    const markdown = reportMarkdown([1, 2]);
    const whole = split([markdown]);
    const byChar = split([...markdown]);
    const sections = whole.events.filter((e) => e.type === 'section');
    expect(sections.map((e) => e.key)).toEqual(SECTION_KEYS);
    expect(sections[0]).toEqual({ type: 'section', key: 'executive_summary', title: 'Executive Summary' });
    expect(textsOf(byChar.events)).toEqual(textsOf(whole.events));
    expect(byChar.text).toBe(markdown);
    expect(textsOf(whole.events).executive_summary).toContain('- Key point 1. [1]');
    expect(textsOf(whole.events).executive_summary).not.toContain('##');
  });

  it('emits text as soon as a line cannot be a heading, and holds back only a possible heading', () => {
    const events: WriterEvent[] = [];
    const splitter = createSectionSplitter((e) => events.push(e));
    splitter.push('## Executive Sum');
    expect(events).toEqual([]);
    splitter.push('mary\n- First');
    expect(events).toEqual([
      { type: 'section', key: 'executive_summary', title: 'Executive Summary' },
      { type: 'delta', key: 'executive_summary', text: '- First' },
    ]);
    splitter.push(' point [1]\n  ');
    expect(events.at(-1)).toEqual({ type: 'delta', key: 'executive_summary', text: ' point [1]\n' });
    splitter.push('  indented text');
    expect(events.at(-1)).toEqual({ type: 'delta', key: 'executive_summary', text: '    indented text' });
    splitter.push('\n## Study');
    splitter.push(' Options in the UK');
    expect(events.at(-1)).toEqual({ type: 'delta', key: 'executive_summary', text: '\n' });
    splitter.end();
    expect(events.at(-1)).toEqual({ type: 'section', key: 'study_options', title: 'Study Options in the UK' });
  });

  it('keeps unknown and repeated headings as text, and drops text before the first section', () => {
    const { events } = split([
      'Here is your report.\n',
      '## Executive Summary\n- a\n## A heading of its own\nmore\n## Executive Summary\n- b\n#',
    ]);
    expect(events.filter((e) => e.type === 'section')).toHaveLength(1);
    expect(textsOf(events).executive_summary).toBe('- a\n## A heading of its own\nmore\n## Executive Summary\n- b\n#');
  });

  it('emits nothing for text without any section', () => {
    expect(split(['just some text\n', 'and more']).events).toEqual([]);
  });
});

describe('parseReportMarkdown', () => {
  it('reads a report into content with nested fields and summary bullets', () => {
    const { content, problems } = parseReportMarkdown(reportMarkdown([1, 2, 3], { bullets: 7 }), '2026-11-26');
    expect(problems).toEqual([]);
    expect(content?.executive_summary).toHaveLength(7);
    expect(content?.executive_summary[0]).toBe('Key point 1. [1]');
    expect(content?.estimated_costs.tuition_ranges).toMatch(
      /^Information about Tuition Ranges for this subject\. \[[123]\]$/,
    );
    expect(content?.estimated_costs.living_costs).toContain('Living Costs');
    expect(content?.action_plan['90_days']).toContain('90 Days');
    expect(content?.sources).toContain('[3] Example source 3');
    expect(content?.knowledge_base_as_of).toBe('2026-11-26');
  });

  it('tolerates numbering, case, blank lines, list styles and loose sub-headings', () => {
    const markdown = [
      'Sure! Here is the report.',
      '# 1. EXECUTIVE SUMMARY',
      '',
      '',
      'In short:',
      '* one [1]',
      '  continued',
      '+ two',
      '1. three',
      '2) four',
      '• five',
      '',
      'A closing remark.',
      '## 2. Study options in the UK',
      'Courses. [1]',
      '### 3. Estimated cost of studying',
      'Costs vary.',
      '#### Tuition ranges (2026/27)',
      '£20,000 [2]',
      '### Living Costs in London',
      '£1,500 a month',
      '## 4. Visa and Immigration Overview',
      'Visa.',
      '## 5. Post-study work options',
      'Graduate route.',
      '## 6. Job prospects in the chosen subject',
      'Jobs.',
      '## 7. Fallback job prospects (out of field)',
      'Retail.',
      '## 8. Risks & reality check',
      'Risks.',
      '## 9. 30/60/90-day action plan',
      '### First 30 days',
      'Apply.',
      '### 60 days',
      'Visa.',
      '### 1. 90 Days',
      'Travel.',
      '## 10. Sources & Citations',
      '[1] A',
    ].join('\r\n');
    const { content, problems } = parseReportMarkdown(markdown, '2026-11-26');
    expect(problems).toEqual([]);
    expect(content?.executive_summary).toEqual(['one [1] continued', 'two', 'three', 'four', 'five']);
    expect(content?.estimated_costs).toEqual({
      tuition_ranges: 'Costs vary.\n£20,000 [2]',
      living_costs: '£1,500 a month',
    });
    expect(content?.action_plan).toEqual({ '30_days': 'Apply.', '60_days': 'Visa.', '90_days': 'Travel.' });
    expect(content?.study_options).toBe('Courses. [1]');
  });

  it('reads back what the report renderer writes', () => {
    const first = parseReportMarkdown(reportMarkdown([1, 2]), '2026-11-26').content!;
    const again = parseReportMarkdown(renderReport('Nursing', first), '2026-11-26');
    expect(again).toEqual({ content: first, problems: [] });
  });

  it('reports missing sections and sub-headings, and then gives no content', () => {
    const markdown = reportMarkdown([1], { omit: ['sources', 'visa_immigration'] })
      .replace('### Living Costs', 'Living costs:')
      .replace('### 60 Days', '');
    const { content, problems } = parseReportMarkdown(markdown, '2026-11-26');
    expect(content).toBeNull();
    expect(problems).toEqual([
      'Missing section: add the heading "## Visa & Immigration Overview".',
      'Missing section: add the heading "## Sources & Citations".',
      'Section "Estimated Cost of Studying" lacks the sub-heading "### Living Costs".',
      'Section "30/60/90-Day Action Plan" lacks the sub-heading "### 60 Days".',
    ]);
  });

  it('reports every section of an empty reply', () => {
    const { content, problems } = parseReportMarkdown('', '2026-11-26');
    expect(content).toBeNull();
    expect(problems).toHaveLength(10);
  });
});
