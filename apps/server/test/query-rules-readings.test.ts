import { describe, expect, it } from 'vitest';
import { degreeSubject } from '../src/domain/query-rules/catalogue.js';
import { interpretQuery } from '../src/domain/query-rules/index.js';
import { NOT_A_SUBJECT_DETAILS } from '../src/domain/query-rules/non-subject.js';

/**
 * Readings the phrasings table does not pin: how a title is spelt and bracketed, which words an award or an elided
 * subject attaches to, and how neighbouring subjects group. Each row is computed inside its own test (Stryker runs
 * only the tests that reach a mutant; nothing here runs while the file is collected).
 */

type Reading =
  { subject: string; subjectId: string; matchedVia: 'entry' | 'parent' } | { code: string; detail: string };

function reading(subject: string): Reading {
  const result = interpretQuery({ subject });
  return result.ok
    ? { subject: result.subject, subjectId: result.subjectId, matchedVia: result.matchedVia }
    : { code: result.code, detail: result.detail };
}

const entry = (subject: string, subjectId: string): Reading => ({ subject, subjectId, matchedVia: 'entry' });
const parent = (subject: string, subjectId: string): Reading => ({ subject, subjectId, matchedVia: 'parent' });
const several = (names: string): Reading => ({
  code: 'MULTIPLE_SUBJECTS',
  detail: `Ask about one subject at a time; this names ${names}.`,
});

describe('subject titles', () => {
  it.each([
    // Brackets typed inside the title are kept; one closed before the title starts is opened again.
    ['Engineering (Mechanical) Engineering', entry('Engineering (Mechanical) Engineering', 'mechanical-engineering')],
    ['Marine) Biology', entry('(Marine) Biology', 'marine-biology')],
    // Shorthand is written out; a narrowing word before it stays.
    ['applied AI', parent('Applied Artificial Intelligence', 'artificial-intelligence')],
    ['AI and artificial intelligence', entry('Artificial Intelligence', 'artificial-intelligence')],
    // Hyphens as typed.
    ['Socio-Legal Studies', parent('Socio-Legal Studies', 'law')],
    ['cyber-security', entry('Cyber-Security', 'cyber-security')],
    // A small word first in the title is capitalised.
    ['in a dental specialty', entry('In a Dental Specialty', 'dentistry')],
    // A singular or plural read as the other is kept as typed.
    ['information system', entry('Information System', 'information-systems')],
    ['sport sciences', entry('Sport Sciences', 'sport-science')],
    // A word typed in capitals in a text that is not all capitals is kept.
    ['computer SCIENCE', entry('Computer SCIENCE', 'computer-science')],
    ['Fashion DESIGN', entry('Fashion DESIGN', 'fashion-design')],
    // A subject typed twice in a row is titled once, in any case.
    ['nursing nursing', entry('Nursing', 'nursing')],
    ['MSc computer science Computer Science', entry('MSc Computer Science', 'computer-science')],
    ['Law Law Law', entry('Law', 'law')],
  ] as const)('%j reads as %j', (subject, expected) => {
    expect(reading(subject)).toEqual(expected);
  });
});

describe('awards, elided subjects and demonyms', () => {
  it.each([
    // An award parted from the subject by punctuation, or named after it, is not the subject's.
    ['MSc, Law', entry('Law', 'law')],
    ['MSc/ Nursing', entry('Nursing', 'nursing')],
    ['Nursing, MSc', entry('Nursing', 'nursing')],
    ['Nursing in London MSc', entry('Nursing', 'nursing')],
    // A joiner before the first subject elides nothing.
    ['and mechanical engineering', entry('Mechanical Engineering', 'mechanical-engineering')],
    ['/ civil engineering', entry('Civil Engineering', 'civil-engineering')],
    // "chemical or civil engineering": the word before the joiner is a subject of its own, after another subject too.
    ['law, chemical or civil engineering', several('"Law", "Chemical" and "Civil Engineering"')],
    ['law chemical or civil engineering', several('"Law Chemical" and "Civil Engineering"')],
    // A demonym that is no subject is the writer's origin, not a subject ("German" is one, "Germans" is not).
    ['Germans', { code: 'NOT_A_SUBJECT', detail: NOT_A_SUBJECT_DETAILS.unrecognised }],
    ['Germans and law', entry('Law', 'law')],
  ] as const)('%j reads as %j', (subject, expected) => {
    expect(reading(subject)).toEqual(expected);
  });
});

describe('grouping neighbouring subjects', () => {
  it.each([
    // Only "with", "and" (a joint degree), "/" (one family), "(" and "in" after a subject taking a specialism join.
    ['Law w ith Criminology', several('"Law" and "Criminology"')],
    ['MBA or Law', several('"MBA" and "Law"')],
    ['MBA, Finance', several('"MBA" and "Finance"')],
    // A family member next to its family head is that member, whichever comes first.
    ['Mechanical Engineering Engineering', entry('Mechanical Engineering', 'mechanical-engineering')],
    ['Mechanical Engineering (Engineering)', entry('Mechanical Engineering (Engineering)', 'mechanical-engineering')],
    [
      'Engineering (Mechanical) or Mechanical Engineering',
      entry('Engineering (Mechanical Engineering)', 'mechanical-engineering'),
    ],
    // The same joint degree named twice, in either order, is one subject, read from its first naming.
    ['Economics and Politics, or Politics and Economics', entry('Economics and Politics', 'economics')],
    ['Politics and Economics or Economics and Politics', entry('Politics and Economics', 'politics')],
  ] as const)('%j reads as %j', (subject, expected) => {
    expect(reading(subject)).toEqual(expected);
  });
});

describe('the subject words of a typical degree', () => {
  it.each([
    // A bracket parts the words around it; the spaces it leaves are one.
    ['BSc Law(Hons)Criminology', 'Law Criminology'],
    ['BSc (Hons) Nursing', 'Nursing'],
    // Only a first word that looks like an award goes: capitals inside it, or one capital alone.
    ['A Level Biology', 'Level Biology'],
    ['nursing studies', 'nursing studies'],
    ['e-MBA Finance', 'e-MBA Finance'],
    ['A1B Nursing', 'A1B Nursing'],
  ])('degreeSubject(%j) is %j', (degree, expected) => {
    expect(degreeSubject(degree)).toBe(expected);
  });
});

describe('whole results', () => {
  const note = (title: string, group: string): string =>
    `There is no separate entry for "${title}" in our subject data, so this report covers the group it belongs to: ${group}.`;

  it.each([
    // Two countries in the country field are not named back.
    [
      { subject: 'Nursing', country: 'UK and Canada' },
      {
        ok: false,
        code: 'MULTIPLE_COUNTRIES',
        detail: 'Ask about one country at a time. This MVP currently supports the UK only.',
        field: 'country',
      },
    ],
    // Control characters part words; text is read in its composed form (the title shows "é" as one character).
    [
      { subject: 'Law\twith Criminology' },
      { ok: true, subject: 'Law with Criminology', subjectId: 'law', matchedVia: 'entry', note: null },
    ],
    [
      { subject: 'Me\u0301tier nursing' },
      {
        ok: true,
        subject: 'M\u00e9tier Nursing',
        subjectId: 'nursing',
        matchedVia: 'parent',
        note: note('M\u00e9tier Nursing', 'Nursing'),
      },
    ],
    // An award's own words are not narrowing words; the words after it still are.
    [
      { subject: 'I want an MSc quantum computing' },
      {
        ok: true,
        subject: 'MSc Quantum Computing',
        subjectId: 'computer-science',
        matchedVia: 'parent',
        note: note('Quantum Computing', 'Computer Science'),
      },
    ],
    [
      { subject: '' },
      { ok: false, code: 'VALIDATION_ERROR', detail: 'Enter the subject you want to study.', field: 'subject' },
    ],
    [
      { subject: 'x'.repeat(201) },
      {
        ok: false,
        code: 'VALIDATION_ERROR',
        detail: 'The subject must be at most 200 characters.',
        field: 'subject',
      },
    ],
  ] as const)('%j gives %j', (input, expected) => {
    expect(interpretQuery(input)).toEqual(expected);
  });
});
