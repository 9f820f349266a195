import { describe, expect, it } from 'vitest';
import { interpretQuery } from '../src/domain/query-rules/index.js';
import { NOT_A_SUBJECT_DETAILS } from '../src/domain/query-rules/non-subject.js';

/**
 * How places in a request are meant, for the cases the phrasings table does not pin: a city with its country, a
 * place with its region, the words before a place that make it where the student comes from, negations with a
 * preposition, and demonyms that are (or are not) a subject. Each row is computed inside its own test.
 */

type Reading = { ok: true; subject: string; subjectId: string } | { ok: false; code: string; detail: string };

function reading(subject: string): Reading {
  const result = interpretQuery({ subject });
  return result.ok
    ? { ok: true, subject: result.subject, subjectId: result.subjectId }
    : { ok: false, code: result.code, detail: result.detail };
}

const subject = (title: string, subjectId: string): Reading => ({ ok: true, subject: title, subjectId });
const nursing = subject('Nursing', 'nursing');
const law = subject('Law', 'law');
const ukOnly: Reading = { ok: false, code: 'UK_ONLY', detail: 'This MVP currently supports the UK only.' };
const countries = (names: string): Reading => ({
  ok: false,
  code: 'MULTIPLE_COUNTRIES',
  detail: `Ask about one country at a time (${names}). This MVP currently supports the UK only.`,
});

describe('places named together', () => {
  it.each([
    // A city followed by its country (after a comma or "in") is that country's city; another city is another place.
    ['Perth in Scotland nursing', nursing],
    ['Toronto, London nursing', countries('Canada, the United Kingdom')],
    // A country followed by its region is the country.
    ['India in Europe nursing', ukOnly],
    ['UK, Europe nursing', nursing],
  ] as const)('%j reads as %j', (text, expected) => {
    expect(reading(text)).toEqual(expected);
  });
});

describe('where the student comes from', () => {
  it.each([
    // "in" or "at" after a word for being somewhere, or after a verb of living or studying, reads as an origin.
    ['currently in India, nursing in the UK', nursing],
    ['my family is in India, nursing in the UK', nursing],
    ['I studied at Lahore, want nursing in the UK', nursing],
    ['India citizen, nursing in the UK', nursing],
    ['Nepal to the UK nursing', nursing],
    // Other prepositions do not; the verb must be within three words; "to live in", "then in" are plans.
    ['I live near India, nursing in the UK', countries('India, the United Kingdom')],
    ['I worked for many years in India, nursing in the UK', countries('India, the United Kingdom')],
    ['I want to live in Canada, nursing', ukOnly],
    ['I studied then in Canada, nursing', ukOnly],
    // A preposition between a negation and the place still sets the place aside.
    ['not in Canada, nursing in the UK', nursing],
  ] as const)('%j reads as %j', (text, expected) => {
    expect(reading(text)).toEqual(expected);
  });
});

describe('demonyms at the start of a request', () => {
  it.each([
    // A demonym that opens the text (punctuation before it is no word) and is followed by punctuation or a cue word
    // is the writer's origin; one that is also a subject ("German") is a subject elsewhere in the text.
    [', Germans, law', law],
    ['German, law', law],
    ['German studying law', law],
    ['I want to study German, please', subject('German', 'german-and-scandinavian-studies')],
    ['German and', { ok: false, code: 'NOT_A_SUBJECT', detail: NOT_A_SUBJECT_DETAILS.unrecognised }],
  ] as const)('%j reads as %j', (text, expected) => {
    expect(reading(text)).toEqual(expected);
  });
});
