import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CITIES } from '../src/domain/query-rules/cities.js';
import { COUNTRIES, REGIONS, UK_CODE } from '../src/domain/query-rules/countries.js';
import { AWARDS } from '../src/domain/query-rules/degrees.js';
import { interpretQuery } from '../src/domain/query-rules/index.js';
import { JOINT_DEGREES, SUBJECTS } from '../src/domain/query-rules/subjects.js';

interface KnowledgeBase {
  readonly subjects: readonly { readonly id: string; readonly name: string; readonly aliases: readonly string[] }[];
}

const knowledgeBase = JSON.parse(
  readFileSync(new URL('../data/knowledge-base/uk-facts.json', import.meta.url), 'utf8'),
) as KnowledgeBase;

/** Knowledge-base aliases that name no subject on their own. */
const NOT_SUBJECTS = new Set(['Part 3']);

function subjectIdOf(subject: string): string | null | undefined {
  const result = interpretQuery({ subject });
  return result.ok ? result.subjectId : undefined;
}

describe('the subject catalogue', () => {
  it('reads every knowledge-base subject name and alias as that subject', () => {
    const misread = knowledgeBase.subjects.flatMap((subject) =>
      [subject.name, ...subject.aliases]
        .filter((alias) => !NOT_SUBJECTS.has(alias))
        .filter((alias) => subjectIdOf(alias) !== subject.id)
        .map((alias) => `${alias} → ${String(subjectIdOf(alias))} (want ${subject.id})`),
    );
    expect(misread).toEqual([]);
  });

  it('gives every entry its own name back, with its knowledge-base id', () => {
    const misread = SUBJECTS.filter((entry) => {
      const result = interpretQuery({ subject: entry.name });
      return !result.ok || result.subject !== entry.name || result.subjectId !== (entry.family ?? entry.id);
    }).map((entry) => entry.name);
    expect(misread).toEqual([]);
  });

  it('uses only known ids in families and joint degrees', () => {
    const ids = new Set(SUBJECTS.map((entry) => entry.id));
    const unknown = [...SUBJECTS.flatMap((entry) => (entry.family ? [entry.family] : [])), ...JOINT_DEGREES.flat()].filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
    expect(ids.size).toBe(SUBJECTS.length);
  });

  it('covers the UCAS subject areas the issue lists', () => {
    const listed = [
      'accounting', 'aerospace engineering', 'agriculture', 'anthropology', 'archaeology', 'architecture', 'art & design',
      'biochemistry', 'biology', 'biomedical science', 'business', 'chemical engineering', 'chemistry', 'civil engineering',
      'classics', 'computer science', 'criminology', 'dentistry', 'drama', 'economics', 'education',
      'electrical and electronic engineering', 'English', 'environmental science', 'fashion', 'film', 'finance',
      'food science', 'forensic science', 'geography', 'geology', 'history', 'hospitality', 'international relations',
      'journalism', 'languages', 'law', 'linguistics', 'marketing', 'mathematics', 'mechanical engineering',
      'media studies', 'medicine', 'midwifery', 'music', 'nursing', 'nutrition', 'occupational therapy',
      'pharmacology', 'pharmacy', 'philosophy', 'physics', 'physiotherapy', 'politics', 'psychology', 'public health',
      'social work', 'sociology', 'sport science', 'statistics', 'theology', 'tourism', 'veterinary science', 'zoology',
      'data science', 'artificial intelligence', 'cyber security', 'software engineering', 'MBA', 'project management',
      'supply chain management', 'human resource management',
    ];
    expect(listed.filter((subject) => !subjectIdOf(subject))).toEqual([]);
  });

  it('lists awards with distinct labels', () => {
    const labels = AWARDS.map((award) => award.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('the place lists', () => {
  it('holds every UN member state and more, each code once', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(195);
    expect(new Set(COUNTRIES.map((country) => country.code)).size).toBe(COUNTRIES.length);
  });

  it('reads every other country, region and foreign city as a destination other than the UK', () => {
    const foreign = [
      ...[...COUNTRIES, ...REGIONS].filter((place) => place.code !== UK_CODE).flatMap((place) => place.names),
      ...Object.entries(CITIES)
        .filter(([code]) => code !== UK_CODE)
        .flatMap(([, cities]) => cities.split('|')),
    ];
    const missed = foreign.filter((name) => {
      const result = interpretQuery({ subject: `Nursing in ${name.replace(/^=/u, '')}` });
      return result.ok || result.code !== 'UK_ONLY';
    });
    expect(missed).toEqual([]);
  });

  it('reads every UK name and city as the UK', () => {
    const uk = [...COUNTRIES.find((place) => place.code === UK_CODE)!.names, ...CITIES[UK_CODE].split('|')];
    const missed = uk.filter((name) => subjectIdOf(`Nursing in ${name.replace(/^=/u, '')}`) !== 'nursing');
    expect(missed).toEqual([]);
  });

  it('reads every demonym before "student" as an origin, never a destination', () => {
    const demonyms = [...COUNTRIES, ...REGIONS].flatMap((place) => place.demonyms);
    const missed = demonyms.filter((demonym) => subjectIdOf(`${demonym} student wants nursing in the UK`) !== 'nursing');
    expect(missed).toEqual([]);
  });

  it('reads every country name after "from" as an origin', () => {
    const names = COUNTRIES.flatMap((place) => place.names).map((name) => name.replace(/^=/u, ''));
    const missed = names.filter((name) => subjectIdOf(`I am from ${name} and want to study law in London`) !== 'law');
    expect(missed).toEqual([]);
  });
});
