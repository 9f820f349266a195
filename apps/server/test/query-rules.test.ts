import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { interpretQuery, UK_ONLY_DETAIL } from '../src/domain/query-rules/index.js';
import { QUERY_CASES, type Expected, type QueryCase } from './fixtures/query-rules-cases.js';

function outcome(testCase: QueryCase): Expected {
  const result = interpretQuery(testCase.input);
  return result.ok
    ? { ok: true, subject: result.subject, subjectId: result.subjectId, matchedVia: result.matchedVia }
    : { ok: false, code: result.code, field: result.field };
}

function label(testCase: QueryCase): string {
  const { subject, country } = testCase.input;
  const shown = subject.length > 60 ? `${subject.slice(0, 57)}…` : subject;
  return country === undefined
    ? JSON.stringify(shown)
    : `${JSON.stringify(shown)} (country ${JSON.stringify(country)})`;
}

describe('interpretQuery: the phrasings table', () => {
  // Each phrasing is its own case (Stryker runs only the cases that reach a mutant); the summary is counted from
  // the cases' own outcomes instead of reading every phrasing a second time.
  const misrouted: string[] = [];
  let resolved = 0;
  let refused = 0;
  afterAll(() => {
    console.info(
      `query rules: ${QUERY_CASES.length} phrasings: ${resolved} resolved to the expected map entry, ${refused} refused with the expected code, ${misrouted.length} misrouted`,
    );
  });

  it('has at least 300 phrasings', () => {
    expect(QUERY_CASES.length).toBeGreaterThanOrEqual(300);
  });

  it.each(QUERY_CASES.map((testCase) => [label(testCase), testCase] as const))('%s', (name, testCase) => {
    const result = outcome(testCase);
    if (JSON.stringify(result) !== JSON.stringify(testCase.expected)) misrouted.push(name);
    else if (testCase.expected.ok) resolved += 1;
    else refused += 1;
    expect(result).toEqual(testCase.expected);
  });
});

describe('interpretQuery: the regulated professions', () => {
  const map = JSON.parse(
    readFileSync(new URL('../data/knowledge-base/uk-subject-map.json', import.meta.url), 'utf8'),
  ) as {
    subjects: { id: string; regulator: unknown }[];
  };

  it('has a phrasing for every regulated profession in the subject map', () => {
    const regulated = map.subjects.filter((subject) => subject.regulator !== null).map((subject) => subject.id);
    const expected = new Set(
      QUERY_CASES.flatMap((testCase) => (testCase.expected.ok ? [testCase.expected.subjectId] : [])),
    );
    expect(regulated.length).toBeGreaterThanOrEqual(25);
    expect(regulated.filter((id) => !expected.has(id))).toEqual([]);
  });
});

describe('interpretQuery: refusal details', () => {
  it('gives UK_ONLY the contract detail exactly', () => {
    expect(interpretQuery({ subject: 'Nursing in Canada' })).toEqual({
      ok: false,
      code: 'UK_ONLY',
      detail: UK_ONLY_DETAIL,
      field: 'subject',
    });
    expect(UK_ONLY_DETAIL).toBe('This MVP currently supports the UK only.');
  });

  it('names the countries and subjects it found', () => {
    const countries = interpretQuery({ subject: 'Nursing in the UK or Canada' });
    expect(countries.ok === false && countries.detail).toBe(
      'Ask about one country at a time (the United Kingdom, Canada). This MVP currently supports the UK only.',
    );
    const subjects = interpretQuery({ subject: 'Law, Medicine or Nursing' });
    expect(subjects.ok === false && subjects.detail).toBe(
      'Ask about one subject at a time; this names "Law", "Medicine" and "Nursing".',
    );
  });

  it('explains an empty, an over-long and a subject-less request differently', () => {
    const details = ['', 'x'.repeat(201), 'UK'].map((subject) => {
      const result = interpretQuery({ subject });
      return result.ok ? '' : result.detail;
    });
    expect(new Set(details).size).toBe(3);
  });
});
