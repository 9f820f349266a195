import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXCERPT_MAX_CHARS, excerptOf } from '../src/domain/knowledge-base/excerpt.js';
import { formatGbp, formatGbpRange, formatLongDate, isoDay } from '../src/domain/knowledge-base/format.js';
import { GENERAL_FACT_IDS, SUBJECT_FACT_IDS } from '../src/domain/knowledge-base/general-facts.js';
import {
  DEFAULT_KNOWLEDGE_BASE_PATH,
  KnowledgeBaseError,
  loadKnowledgeBase,
  parseKnowledgeBase,
} from '../src/domain/knowledge-base/load.js';
import type { KnowledgeBase } from '../src/domain/knowledge-base/schema.js';
import { subjectTokens } from '../src/domain/knowledge-base/subject-match.js';

/** The facts file as plain JSON, read independently of the loader. */
const FACTS_PATH = fileURLToPath(new URL('../data/knowledge-base/uk-facts.json', import.meta.url));
const rawFacts = (): KnowledgeBase => JSON.parse(readFileSync(FACTS_PATH, 'utf8')) as KnowledgeBase;

const tempDir = mkdtempSync(join(tmpdir(), 'uksmr-kb-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** Writes a corrupted copy of the facts file and returns its path. */
function corruptedCopy(name: string, corrupt: (data: KnowledgeBase) => void): string {
  const data = rawFacts();
  corrupt(data);
  const path = join(tempDir, `${name}.json`);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

/** The problems a corrupted copy is refused for. */
function problemsOf(path: string): readonly string[] {
  try {
    loadKnowledgeBase(path);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    expect((error as KnowledgeBaseError).message).toContain(path);
    return (error as KnowledgeBaseError).problems;
  }
  throw new Error(`${path} was accepted`);
}

describe('loadKnowledgeBase', () => {
  it('loads and validates the shipped facts file from the server tree', () => {
    expect(fileURLToPath(DEFAULT_KNOWLEDGE_BASE_PATH)).toBe(FACTS_PATH);
    const kb = loadKnowledgeBase();
    const raw = rawFacts();
    expect(kb.as_of).toBe(raw.as_of);
    expect(kb.sources).toHaveLength(raw.sources.length);
    expect(kb.facts).toHaveLength(raw.facts.length);
    expect(kb.subjects).toHaveLength(raw.subjects.length);
    const fee = kb.facts.find((fact) => fact.id === 'visa-fee-student-outside-uk')!;
    expect(fee).toMatchObject({ value: '£524', effective_from: '2025-04-09', confidence: 'high' });
    expect(fee.source_ids.length).toBeGreaterThan(0);
  });

  it('accepts a path as a string or a file URL', () => {
    expect(loadKnowledgeBase(FACTS_PATH).as_of).toBe(rawFacts().as_of);
    expect(loadKnowledgeBase(new URL(`file://${FACTS_PATH}`)).facts.length).toBeGreaterThan(100);
  });

  it('refuses a fact citing a source that does not exist, naming the fact and the source', () => {
    const path = corruptedCopy('missing-source', (data) => {
      data.facts[0].source_ids[0] = 'no-such-source';
      data.subjects[0].source_ids.push('also-missing');
    });
    const problems = problemsOf(path);
    expect(problems).toContain(`facts[0] (${rawFacts().facts[0].id}).source_ids[0]: unknown source "no-such-source"`);
    expect(problems.some((p) => p.includes('subjects[0] (computer-science).source_ids') && p.includes('"also-missing"'))).toBe(
      true,
    );
  });

  it('refuses bad dates, listing every problem with where it is', () => {
    const path = corruptedCopy('bad-dates', (data) => {
      data.as_of = '26/11/2026';
      data.facts[2].effective_from = '2025-13-45';
      data.sources[1].accessed = 'yesterday';
    });
    const problems = problemsOf(path);
    expect(problems).toEqual(
      expect.arrayContaining([
        'as_of: Invalid ISO date',
        `facts[2] (${rawFacts().facts[2].id}).effective_from: Invalid ISO date`,
        `sources[1] (${rawFacts().sources[1].id}).accessed: Invalid ISO date`,
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('refuses wrong shapes: confidence, eligibility, unknown keys, bad URLs and empty source lists', () => {
    const path = corruptedCopy('bad-shapes', (data) => {
      (data.facts[0] as { confidence: string }).confidence = 'certain';
      (data.subjects[0].in_field_roles[0] as { skilled_worker_eligible: unknown }).skilled_worker_eligible = 'maybe';
      (data.facts[1] as Record<string, unknown>).efective_from = '2025-01-01';
      data.sources[0].url = 'ftp://example.com/file';
      data.facts[3].source_ids = [];
    });
    const problems = problemsOf(path).join('\n');
    expect(problems).toContain('facts[0] (visa-cas-required).confidence');
    expect(problems).toContain('subjects[0] (computer-science).in_field_roles[0].skilled_worker_eligible');
    expect(problems).toContain('Unrecognized key: "efective_from"');
    expect(problems).toContain('sources[0] (govuk-student-visa).url');
    expect(problems).toContain('facts[3] (visa-fee-student-inside-uk).source_ids');
  });

  it('refuses duplicate ids and ranges whose minimum is above the maximum', () => {
    const path = corruptedCopy('duplicates', (data) => {
      data.facts[1].id = data.facts[0].id;
      data.subjects[0].tuition_gbp_per_year_international.ug = [40000, 16000];
      data.subjects[0].tuition_gbp_per_year_international.pg_taught = [42000, 17000];
      data.subjects[0].in_field_roles[0].typical_salary_gbp = [75000, 28000];
    });
    expect(problemsOf(path)).toEqual([
      'facts[1] (visa-cas-required).id: duplicate id',
      'subjects[0] (computer-science).tuition_gbp_per_year_international.ug: minimum above maximum',
      'subjects[0] (computer-science).tuition_gbp_per_year_international.pg_taught: minimum above maximum',
      'subjects[0] (computer-science).in_field_roles[0].typical_salary_gbp: minimum above maximum',
    ]);
  });

  it('refuses a knowledge base that lacks a fact or subject the writers rely on', () => {
    const path = corruptedCopy('missing-general', (data) => {
      data.facts = data.facts.filter((fact) => fact.id !== 'visa-28-day-rule' && fact.id !== 'tuition-mba');
      data.subjects = data.subjects.filter((subject) => subject.id !== 'law');
    });
    expect(problemsOf(path)).toEqual([
      'facts: general fact "visa-28-day-rule" is missing (every report relies on it)',
      'facts: fact "tuition-mba" is missing (SUBJECT_FACT_IDS names it for "mba")',
      'subjects: subject "law" is missing (SUBJECT_FACT_IDS names it)',
    ]);
  });

  it('explains a file that cannot be read or is not JSON', () => {
    expect(problemsOf(join(tempDir, 'absent.json'))[0]).toMatch(/^cannot be read: ENOENT/);
    const notJson = join(tempDir, 'not-json.json');
    writeFileSync(notJson, '{ "as_of": ');
    expect(problemsOf(notJson)[0]).toMatch(/^is not valid JSON: /);
  });

  it('parses data already in memory and names the root when the whole value is wrong', () => {
    expect(parseKnowledgeBase(rawFacts()).subjects.length).toBe(rawFacts().subjects.length);
    expect(() => parseKnowledgeBase([], 'inline data')).toThrow(/Knowledge base inline data is invalid[\s\S]*\(root\): /);
  });

  it('names only general facts and subject facts that the shipped file holds', () => {
    const kb = loadKnowledgeBase();
    const ids = new Set(kb.facts.map((fact) => fact.id));
    expect(GENERAL_FACT_IDS.every((id) => ids.has(id))).toBe(true);
    expect(Object.values(SUBJECT_FACT_IDS).flat().every((id) => ids.has(id))).toBe(true);
  });
});

describe('subjectTokens', () => {
  it('drops case, accents, punctuation, degree abbreviations and sentence filler', () => {
    expect(subjectTokens('I want to study MSc. Data-Science in the UK!')).toEqual(['data', 'science']);
    expect(subjectTokens("Children's Nursing (BSc Hons)")).toEqual(['childrens', 'nursing']);
    expect(subjectTokens('Accounting & Finance')).toEqual(['accounting', 'finance']);
    expect(subjectTokens('Café Management')).toEqual(['cafe', 'management']);
    expect(subjectTokens('MBA')).toEqual(['mba']);
  });
});

describe('excerptOf', () => {
  it('keeps whole distinct statements while they fit', () => {
    expect(excerptOf(['One fact.', 'Two facts.', 'One fact.', '  '])).toBe('One fact. Two facts.');
    expect(excerptOf(['A'.repeat(10), 'B'.repeat(10)], 15)).toBe('A'.repeat(10));
    expect(excerptOf([])).toBe('');
  });

  it('cuts a first statement that is too long at a word, with an ellipsis', () => {
    const long = `${'word '.repeat(200)}end.`;
    const excerpt = excerptOf([long]);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
    expect(excerpt).toMatch(/word…$/);
    expect(excerptOf(['x'.repeat(50)], 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('format helpers', () => {
  it('formats pounds, ranges and dates the British way, in UTC', () => {
    expect(formatGbp(16000)).toBe('£16,000');
    expect(formatGbpRange([16000, 40000])).toBe('£16,000–£40,000');
    expect(formatGbpRange([25000, 25000])).toBe('£25,000');
    expect(formatLongDate('2027-01-01')).toBe('1 January 2027');
    expect(formatLongDate(new Date('2026-12-26T23:30:00Z'))).toBe('26 December 2026');
    expect(isoDay(new Date('2026-11-26T23:59:59Z'))).toBe('2026-11-26');
  });
});
