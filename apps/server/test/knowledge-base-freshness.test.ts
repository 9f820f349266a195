import { describe, expect, it } from 'vitest';
import { checkFreshness, formatFreshness, freshnessOptions } from '../src/domain/knowledge-base/freshness.js';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';

const kb = loadKnowledgeBase();

describe('checkFreshness (npm run kb:check)', () => {
  it('finds nothing old on the data’s own date, but lists unread sources and uncross-checked codes', () => {
    const report = checkFreshness(kb, kb.as_of, 180);
    expect(report.staleSources).toEqual([]);
    expect(report.staleFacts).toEqual([]);
    expect(report.passedChanges).toEqual([]);
    expect(report.uncheckedSources).toContain(
      'uk-occupations.json: gov-going-rates — https://www.gov.uk/government/publications/skilled-worker-visa-going-rates-for-eligible-occupations/skilled-worker-visa-going-rates-for-eligible-occupation-codes',
    );
    expect(report.uncheckedSources.some((s) => s.startsWith('uk-facts.json: govuk-student-visa —'))).toBe(true);
    expect(report.uncrossChecked).toContain('2232');
    expect(report.uncrossChecked).not.toContain('2134');
  });

  it('lists old sources and facts past the age limit, and the dated changes that passed since as_of', () => {
    const report = checkFreshness(kb, '2027-01-15', 30);
    expect(report.staleSources).toContain('uk-facts.json: govuk-student-visa (accessed 2026-11-26)');
    expect(report.staleFacts.some((f) => f.startsWith('visa-fee-student-outside-uk (newest source accessed'))).toBe(
      true,
    );
    expect(report.passedChanges).toEqual(
      expect.arrayContaining([
        '2027-01-01 starts: graduate-18-months',
        '2027-01-01 ends: graduate-length-current',
        '2026-12-31 starts: timeline-2026-12-isl-tsl-end',
      ]),
    );
    const text = formatFreshness(report);
    expect(text).toMatch(/^Knowledge-base check on 2027-01-15 \(older than 30 days counts as stale\)/);
    expect(text).toContain('Dated changes that have passed since as_of (update the facts they touch): ');
    expect(text).toContain('\n  - 2027-01-01 starts: graduate-18-months');
    expect(text).toMatch(/Occupations without a cross-check: \d+\n {2}1112 /);
  });

  it('reads --today and --max-age-days, with defaults, and refuses bad values', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(freshnessOptions([], now)).toEqual({ today: '2026-12-01', maxAgeDays: 180 });
    expect(freshnessOptions(['--today', '2027-04-02', '--max-age-days', '90'], now)).toEqual({
      today: '2027-04-02',
      maxAgeDays: 90,
    });
    expect(() => freshnessOptions(['--today', '2 April'], now)).toThrow(/--today: expected YYYY-MM-DD/);
    expect(() => freshnessOptions(['--max-age-days', '-3'], now)).toThrow(/--max-age-days/);
  });
});
