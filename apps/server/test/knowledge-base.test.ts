import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGbp, formatGbpRange, formatLongDate, isoDay } from '../src/domain/knowledge-base/format.js';
import { GENERAL_FACT_IDS, SUBJECT_FACT_IDS } from '../src/domain/knowledge-base/general-facts.js';
import {
  DEFAULT_KNOWLEDGE_BASE_DIR,
  KNOWLEDGE_BASE_FILES,
  PROJECT_FACTS_FILE,
  KnowledgeBaseError,
  loadKnowledgeBase,
  parseKnowledgeBase,
} from '../src/domain/knowledge-base/load.js';
import type { OccupationTable } from '../src/domain/knowledge-base/occupations-schema.js';
import type { FactsFile } from '../src/domain/knowledge-base/schema.js';
import type { SubjectMap } from '../src/domain/knowledge-base/subject-map-schema.js';
import { subjectTokens } from '../src/domain/knowledge-base/subject-match.js';

const KB_DIR = fileURLToPath(new URL('../data/knowledge-base/', import.meta.url));
const SHARED_DIR = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const FILES = Object.values(KNOWLEDGE_BASE_FILES);

/** The three files as plain JSON, read independently of the loader. */
const raw = <T>(name: string): T => JSON.parse(readFileSync(join(KB_DIR, name), 'utf8')) as T;
const rawFacts = (): FactsFile => raw(KNOWLEDGE_BASE_FILES.facts);
const rawOccupations = (): OccupationTable => raw(KNOWLEDGE_BASE_FILES.occupations);
const rawMap = (): SubjectMap => raw(KNOWLEDGE_BASE_FILES.subjectMap);

const tempDir = mkdtempSync(join(tmpdir(), 'uksmr-kb-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

interface Parts {
  facts: FactsFile;
  occupations: OccupationTable;
  subjectMap: SubjectMap;
}

/** Writes a folder with the three files, one or more of them corrupted, and returns its path. */
function corruptedCopy(name: string, corrupt: (data: Parts) => void): string {
  const data: Parts = { facts: rawFacts(), occupations: rawOccupations(), subjectMap: rawMap() };
  corrupt(data);
  const dir = join(tempDir, name);
  mkdirSync(dir);
  writeFileSync(join(dir, KNOWLEDGE_BASE_FILES.facts), JSON.stringify(data.facts));
  writeFileSync(join(dir, KNOWLEDGE_BASE_FILES.occupations), JSON.stringify(data.occupations));
  writeFileSync(join(dir, KNOWLEDGE_BASE_FILES.subjectMap), JSON.stringify(data.subjectMap));
  return dir;
}

/** The problems a corrupted copy is refused for; the message is one line naming the folder and the first problem. */
function problemsOf(dir: string): readonly string[] {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    const { message, problems } = error as KnowledgeBaseError;
    expect(message).toContain(dir);
    expect(message).not.toContain('\n');
    expect(message).toContain(problems[0]);
    return problems;
  }
  throw new Error(`${dir} was accepted`);
}

describe('the shipped copies of ../shared/data', () => {
  const shared = existsSync(SHARED_DIR);
  it.skipIf(!shared)(
    'are byte for byte the files in ../shared/data (skipped only where ../shared/data is absent)',
    () => {
      for (const name of FILES) {
        const copy = readFileSync(join(KB_DIR, name));
        const original = readFileSync(join(SHARED_DIR, name));
        expect(copy.equals(original), `${name} differs from ${SHARED_DIR}${name}: copy it again`).toBe(true);
      }
    },
  );
});

describe('loadKnowledgeBase', () => {
  it('loads and validates the three shipped files from the server tree', () => {
    expect(fileURLToPath(DEFAULT_KNOWLEDGE_BASE_DIR)).toBe(KB_DIR);
    const kb = loadKnowledgeBase();
    const facts = rawFacts();
    expect(kb.as_of).toBe(facts.as_of);
    const project = JSON.parse(readFileSync(join(KB_DIR, PROJECT_FACTS_FILE), 'utf8')) as {
      sources: unknown[];
      facts: unknown[];
    };
    // The project's additions (UCAS deadlines) sit beside the shared copies and are merged in.
    expect(kb.sources).toHaveLength(facts.sources.length + project.sources.length);
    expect(kb.facts).toHaveLength(facts.facts.length + project.facts.length);
    expect(kb.facts.find((f) => f.id === 'ucas-oxford-medicine-2027')).toMatchObject({
      value: '15 October 2026',
      confidence: 'high',
    });
    expect(kb.subjects).toHaveLength(facts.subjects.length);
    expect(kb.occupations.occupations).toHaveLength(412);
    expect(kb.subjectMap.subjects.length).toBeGreaterThan(180);
    const fee = kb.facts.find((fact) => fact.id === 'visa-fee-student-outside-uk')!;
    expect(fee).toMatchObject({ value: '£524', effective_from: '2025-04-09', confidence: 'high' });
    expect(kb.occupations.occupations.find((o) => o.soc === '2134')).toMatchObject({
      going_rate_gbp: 54700,
      eligible: 'yes',
    });
  });

  it('accepts the folder as a string (with or without a slash) or a file URL', () => {
    expect(loadKnowledgeBase(KB_DIR.replace(/\/$/, '')).as_of).toBe(rawFacts().as_of);
    expect(loadKnowledgeBase(new URL(`file://${KB_DIR}`)).facts.length).toBeGreaterThan(100);
  });

  it('refuses a fact citing a source that does not exist, naming the file, the fact and the source', () => {
    const dir = corruptedCopy('missing-source', (data) => {
      data.facts.facts[0].source_ids[0] = 'no-such-source';
      data.facts.subjects[0].source_ids.push('also-missing');
    });
    const problems = problemsOf(dir);
    expect(problems).toContain(
      `uk-facts.json: facts[0] (${rawFacts().facts[0].id}).source_ids[0]: unknown source "no-such-source"`,
    );
    expect(
      problems.some((p) => p.includes('subjects[0] (computer-science).source_ids') && p.includes('"also-missing"')),
    ).toBe(true);
  });

  it('refuses a map SOC code missing from the occupation table, and unknown map and table sources', () => {
    const dir = corruptedCopy('missing-soc', (data) => {
      const marine = data.subjectMap.subjects.findIndex((s) => s.id === 'marine-biology');
      data.subjectMap.subjects[marine].soc_codes.push('9998');
      data.subjectMap.subjects[marine].graduate_earnings!.source_id = 'no-leo';
      data.occupations.occupations[0].source_ids.push('nowhere');
      data.occupations.temporary_shortage_list[0].soc = '9997';
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^uk-subject-map\.json: subjects\[\d+\] \(marine-biology\)\.soc_codes\[3\]: SOC "9998" is not in uk-occupations\.json$/,
        ),
        expect.stringMatching(
          /^uk-subject-map\.json: subjects\[\d+\] \(marine-biology\)\.graduate_earnings\.source_id: unknown source "no-leo"$/,
        ),
        'uk-occupations.json: occupations[0] (1111).source_ids[7]: unknown source "nowhere"',
        'uk-occupations.json: temporary_shortage_list[0] (9997).soc: not in the occupation table',
      ]),
    );
  });

  it('refuses plain-http addresses in every file, naming file, record and field', () => {
    const dir = corruptedCopy('http', (data) => {
      data.facts.sources[0].url = 'http://www.gov.uk/student-visa';
      data.occupations.sources[1].url = 'http://www.gov.uk/x';
      data.subjectMap.subjects[0].professional_bodies[0].url = 'http://www.bcs.org';
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual([
      'uk-facts.json: sources[0] (govuk-student-visa).url: Expected an https URL',
      'uk-occupations.json: sources[1] (gov-going-rates).url: Expected an https URL',
      'uk-subject-map.json: subjects[0] (computer-science).professional_bodies[0].url: Expected an https URL',
    ]);
  });

  it('refuses a bad occupation row, naming the SOC code', () => {
    const dir = corruptedCopy('bad-row', (data) => {
      (data.occupations.occupations[2] as { going_rate_gbp: unknown }).going_rate_gbp = 'lots';
    });
    const [problem] = problemsOf(dir);
    expect(problem).toMatch(/^uk-occupations\.json: occupations\[2\] \(\d{4}\)\.going_rate_gbp: /);
  });

  it('refuses bad dates, listing every problem with where it is', () => {
    const dir = corruptedCopy('bad-dates', (data) => {
      data.facts.as_of = '26/11/2026';
      data.facts.facts[2].effective_from = '2025-13-45';
      data.facts.sources[1].accessed = 'yesterday';
    });
    const facts = rawFacts();
    expect(problemsOf(dir)).toEqual([
      'uk-facts.json: as_of: Invalid ISO date',
      `uk-facts.json: sources[1] (${facts.sources[1].id}).accessed: Invalid ISO date`,
      `uk-facts.json: facts[2] (${facts.facts[2].id}).effective_from: Invalid ISO date`,
    ]);
  });

  it('refuses wrong shapes: confidence, eligibility, unknown keys and empty source lists', () => {
    const dir = corruptedCopy('bad-shapes', (data) => {
      (data.facts.facts[0] as { confidence: string }).confidence = 'certain';
      (data.facts.subjects[0].in_field_roles[0] as { skilled_worker_eligible: unknown }).skilled_worker_eligible =
        'maybe';
      (data.facts.facts[1] as Record<string, unknown>).efective_from = '2025-01-01';
      data.facts.facts[3].source_ids = [];
    });
    const problems = problemsOf(dir).join('\n');
    expect(problems).toContain('uk-facts.json: facts[0] (visa-cas-required).confidence');
    expect(problems).toContain('subjects[0] (computer-science).in_field_roles[0].skilled_worker_eligible');
    expect(problems).toContain('Unrecognized key: "efective_from"');
    expect(problems).toContain('facts[3] (visa-fee-student-inside-uk).source_ids');
  });

  it('refuses duplicate ids, ranges whose minimum is above the maximum, and an end before a start', () => {
    const dir = corruptedCopy('duplicates', (data) => {
      data.facts.facts[1].id = data.facts.facts[0].id;
      data.facts.facts[2].effective_from = '2027-01-01';
      data.facts.facts[2].effective_until = '2026-12-31';
      data.facts.subjects[0].tuition_gbp_per_year_international.ug = [40000, 16000];
      data.facts.subjects[0].tuition_gbp_per_year_international.pg_taught = [42000, 17000];
      data.facts.subjects[0].in_field_roles[0].typical_salary_gbp = [75000, 28000];
      data.occupations.occupations[1].soc = data.occupations.occupations[0].soc;
    });
    expect(problemsOf(dir)).toEqual([
      'uk-facts.json: facts[1] (visa-cas-required).id: duplicate id',
      'uk-occupations.json: occupations[1] (1111).id: duplicate id',
      `uk-facts.json: facts[2] (${rawFacts().facts[2].id}).effective_until: before effective_from`,
      'uk-facts.json: subjects[0] (computer-science).tuition_gbp_per_year_international.ug: minimum above maximum',
      'uk-facts.json: subjects[0] (computer-science).tuition_gbp_per_year_international.pg_taught: minimum above maximum',
      'uk-facts.json: subjects[0] (computer-science).in_field_roles[0].typical_salary_gbp: minimum above maximum',
    ]);
  });

  it('refuses a knowledge base that lacks a fact or subject the writers rely on', () => {
    const dir = corruptedCopy('missing-general', (data) => {
      data.facts.facts = data.facts.facts.filter((fact) => fact.id !== 'visa-28-day-rule' && fact.id !== 'tuition-mba');
      data.facts.subjects = data.facts.subjects.filter((subject) => subject.id !== 'law');
      data.subjectMap.subjects = data.subjectMap.subjects.filter((subject) => subject.id !== 'pharmacy');
    });
    expect(problemsOf(dir)).toEqual([
      'uk-facts.json: facts: general fact "visa-28-day-rule" is missing (every report relies on it)',
      'uk-facts.json: facts: fact "tuition-mba" is missing (SUBJECT_FACT_IDS names it for "mba")',
      'uk-facts.json: subjects: subject "law" is missing (SUBJECT_FACT_IDS names it)',
      'uk-subject-map.json: subjects: subject "pharmacy" is missing (DETAILED_SUBJECTS names it)',
      'uk-facts.json: subjects: subject "law" is missing (DETAILED_SUBJECTS names it)',
    ]);
  });

  it('explains a file that cannot be read or is not JSON', () => {
    expect(problemsOf(join(tempDir, 'absent'))[0]).toMatch(/^uk-facts\.json: cannot be read: ENOENT/);
    const dir = corruptedCopy('not-json', () => undefined);
    writeFileSync(join(dir, KNOWLEDGE_BASE_FILES.subjectMap), '{ "as_of": ');
    expect(problemsOf(dir)[0]).toMatch(/^uk-subject-map\.json: is not valid JSON: /);
  });

  it('parses data already in memory and names the root when a whole file is wrong', () => {
    const parts = { facts: rawFacts(), occupations: rawOccupations(), subjectMap: rawMap() };
    expect(parseKnowledgeBase(parts).subjects.length).toBe(rawFacts().subjects.length);
    expect(() => parseKnowledgeBase({ ...parts, occupations: [] }, 'inline data')).toThrow(
      /^Knowledge base inline data is invalid: uk-occupations\.json: \(root\): /,
    );
  });

  it('names only general facts and subject facts that the shipped file holds', () => {
    const kb = loadKnowledgeBase();
    const ids = new Set(kb.facts.map((fact) => fact.id));
    expect(GENERAL_FACT_IDS.every((id) => ids.has(id))).toBe(true);
    expect(
      Object.values(SUBJECT_FACT_IDS)
        .flat()
        .every((id) => ids.has(id)),
    ).toBe(true);
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
