import { describe, expect, it } from 'vitest';
import {
  canonicalCity,
  checkProfileFields,
  mergeProfile,
  nextOccurrence,
  readProfile,
  UK_CITIES,
} from '../src/domain/profile/index.js';
import { PROFILE_CASES, PROFILE_TODAY, type ProfileCase } from './fixtures/profile-cases.js';

function outcome(testCase: ProfileCase): ProfileCase['expected'] {
  const reading = readProfile(testCase.text, PROFILE_TODAY);
  const got: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reading.profile)) if (value !== null) got[key] = value;
  if (reading.intakeYear !== null) got.intakeYear = reading.intakeYear;
  return got;
}

function expectedOf(testCase: ProfileCase): ProfileCase['expected'] {
  return Object.fromEntries(Object.entries(testCase.expected).filter(([, value]) => value !== null));
}

describe('readProfile: the phrasings table', () => {
  it('has at least 60 phrasings', () => {
    expect(PROFILE_CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(PROFILE_CASES.map((testCase) => [testCase.text, testCase] as const))('%s', (_text, testCase) => {
    expect(outcome(testCase)).toEqual(expectedOf(testCase));
  });

  it('reports how many phrasings pass', () => {
    const failing = PROFILE_CASES.filter(
      (testCase) => JSON.stringify(outcome(testCase)) !== JSON.stringify(expectedOf(testCase)),
    );
    console.info(`profile reading: ${PROFILE_CASES.length - failing.length}/${PROFILE_CASES.length} phrasings pass`);
    expect(failing.map((testCase) => testCase.text)).toEqual([]);
  });
});

describe('readProfile: intakes out of range', () => {
  it.each([
    ['nursing September 2025', '2025-09'],
    ['nursing September 2031', '2031-09'],
  ])('%s is left out and named', (text, month) => {
    const reading = readProfile(text, PROFILE_TODAY);
    expect(reading.profile.intake).toBeNull();
    expect(reading.intakeOutOfRange).toBe(month);
  });

  it('takes the next occurrence of a month that is not in the past', () => {
    expect(nextOccurrence(12, '2026-12-01')).toBe('2026-12');
    expect(nextOccurrence(11, '2026-12-01')).toBe('2027-11');
  });
});

describe('checkProfileFields', () => {
  it('accepts and normalises good fields', () => {
    expect(
      checkProfileFields(
        { level: 'postgraduate_taught', intake: '2027-09', city: 'london', nationality: 'in' },
        PROFILE_TODAY,
      ),
    ).toEqual({
      ok: true,
      fields: { level: 'postgraduate_taught', intake: '2027-09', city: 'London', nationality: 'IN' },
    });
    expect(checkProfileFields({ city: 'outside london', intake: null }, PROFILE_TODAY)).toEqual({
      ok: true,
      fields: { city: 'Outside London' },
    });
    expect(checkProfileFields({}, PROFILE_TODAY)).toEqual({ ok: true, fields: {} });
  });

  it.each([
    [{ level: 'diploma' }, 'level'],
    [{ intake: 'September 2027' }, 'intake'],
    [{ intake: '2027-13' }, 'intake'],
    [{ intake: '2026-11' }, 'intake'],
    [{ intake: '2030-01' }, 'intake'],
    [{ city: 'Toronto' }, 'city'],
    [{ nationality: 'US' }, 'nationality'],
  ] as const)('refuses %j naming %s', (fields, field) => {
    const result = checkProfileFields(fields, PROFILE_TODAY);
    expect(result).toMatchObject({ ok: false, field });
    expect(result.ok ? '' : result.detail).toContain(field);
  });

  it('allows the current month and exactly 3 years ahead', () => {
    expect(checkProfileFields({ intake: '2026-12' }, PROFILE_TODAY).ok).toBe(true);
    expect(checkProfileFields({ intake: '2029-12' }, PROFILE_TODAY).ok).toBe(true);
  });
});

describe('mergeProfile and cities', () => {
  it('lets explicit fields win over the words', () => {
    const read = readProfile('MSc nursing in London from September 2027, I am Indian', PROFILE_TODAY).profile;
    expect(mergeProfile(read, { level: 'postgraduate_research', city: 'Leeds' })).toEqual({
      level: 'postgraduate_research',
      intake: '2027-09',
      city: 'Leeds',
      nationality: 'IN',
    });
  });

  it('knows UK cities and their other names, not regions', () => {
    expect(UK_CITIES).toContain('London');
    expect(UK_CITIES).not.toContain('Yorkshire');
    expect(canonicalCity('Greater London')).toBe('London');
    expect(canonicalCity('Paris')).toBeNull();
  });
});
