import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, degreeSubject } from '../src/domain/query-rules/catalogue.js';
import { CITIES } from '../src/domain/query-rules/cities.js';
import { COUNTRIES, REGIONS, UK_CODE } from '../src/domain/query-rules/countries.js';
import { AWARDS } from '../src/domain/query-rules/degrees.js';
import { interpretQuery } from '../src/domain/query-rules/index.js';
import { readSubjectMap, SUBJECT_MAP } from '../src/domain/query-rules/subject-map-catalogue.js';
import { MAP_LINKS } from '../src/domain/query-rules/subject-links.js';
import { JOINT_DEGREES, SUBJECTS } from '../src/domain/query-rules/subjects.js';

interface KnowledgeBase {
  readonly subjects: readonly { readonly id: string; readonly name: string; readonly aliases: readonly string[] }[];
}

const knowledgeBase = JSON.parse(
  readFileSync(new URL('../data/knowledge-base/uk-facts.json', import.meta.url), 'utf8'),
) as KnowledgeBase;

/** Knowledge-base aliases that name no subject on their own. */
const NOT_SUBJECTS = new Set(['Part 3']);

function subjectIdOf(subject: string): string | undefined {
  const result = interpretQuery({ subject });
  return result.ok ? result.subjectId : undefined;
}

const MAP_IDS: ReadonlySet<string> = new Set(SUBJECT_MAP.map((subject) => subject.id));

describe('the subject catalogue on the subject map', () => {
  it('reads the shipped subject map: every subject with an id, a name and its aliases', () => {
    expect(SUBJECT_MAP.length).toBeGreaterThanOrEqual(180);
    expect(MAP_IDS.size).toBe(SUBJECT_MAP.length);
    expect(SUBJECT_MAP.find((subject) => subject.id === 'marine-biology')).toMatchObject({
      name: 'Marine Biology',
      cah: 'CAH03-01-03',
      cah2: 'CAH03-01',
    });
    const sparse = readSubjectMap(JSON.stringify({ subjects: [{ id: 'x', name: 'X' }] }));
    expect(sparse).toEqual([
      {
        id: 'x',
        name: 'X',
        cah: null,
        cah_label: null,
        cah2: null,
        aliases: [],
        typical_degrees: [],
        related_hecos_terms: [],
      },
    ]);
  });

  it('places every catalogue subject on an existing map entry', () => {
    const unknown = [
      ...SUBJECTS.map((entry) => MAP_LINKS[entry.id]?.mapId ?? entry.id),
      ...Object.values(MAP_LINKS).map((link) => link.mapId),
    ].filter((id) => !MAP_IDS.has(id));
    expect(unknown).toEqual([]);
    expect(Object.keys(MAP_LINKS).filter((id) => !SUBJECTS.some((entry) => entry.id === id))).toEqual([]);
  });

  it('reads every subject-map name as that map entry', () => {
    const misread = SUBJECT_MAP.filter((subject) => subjectIdOf(subject.name) !== subject.id).map(
      (subject) => `${subject.name} → ${String(subjectIdOf(subject.name))} (want ${subject.id})`,
    );
    expect(misread).toEqual([]);
  });

  it('reads nearly every subject-map alias as an entry that lists it', () => {
    const listing = (alias: string): string[] =>
      SUBJECT_MAP.filter((subject) =>
        [subject.name, ...subject.aliases].some((other) => other.toLowerCase() === alias.toLowerCase()),
      ).map((subject) => subject.id);
    const aliases = SUBJECT_MAP.flatMap((subject) => subject.aliases);
    const misread = aliases.filter((alias) => !listing(alias).includes(subjectIdOf(alias) ?? ''));
    console.info(
      `query rules: ${aliases.length - misread.length}/${aliases.length} subject-map aliases read as an entry that lists them`,
    );
    expect(misread.length / aliases.length).toBeLessThan(0.03);
  });

  it('understands every knowledge-base subject name and alias', () => {
    const refused = knowledgeBase.subjects.flatMap((subject) =>
      [subject.name, ...subject.aliases].filter(
        (alias) => !NOT_SUBJECTS.has(alias) && subjectIdOf(alias) === undefined,
      ),
    );
    expect(refused).toEqual([]);
  });

  it('gives every entry its own name back (as typed), with its map entry and how it got there', () => {
    const misread = CATALOGUE.filter((entry) => {
      const result = interpretQuery({ subject: entry.name });
      return (
        !result.ok ||
        result.subject.toLowerCase() !== entry.name.toLowerCase() ||
        result.subjectId !== entry.mapId ||
        result.matchedVia !== entry.via
      );
    }).map((entry) => entry.name);
    expect(misread).toEqual([]);
  });

  it('says which group covers a subject the map has no entry for', () => {
    expect(interpretQuery({ subject: 'Photography' })).toEqual({
      ok: true,
      subject: 'Photography',
      subjectId: 'film',
      matchedVia: 'parent',
      note: 'There is no separate entry for "Photography" in our subject data, so this report covers the group it belongs to: Film (Production and Studies).',
    });
    expect(interpretQuery({ subject: 'Marine Biology' })).toMatchObject({ matchedVia: 'entry', note: null });
  });

  it('reads the subject words of a typical degree', () => {
    expect(degreeSubject('BA/BSc Business Management')).toBe('Business Management');
    expect(degreeSubject('MSc Nursing (pre-registration)')).toBe('Nursing');
    expect(degreeSubject('Graduate Diploma in Law')).toBe('Graduate Diploma in Law');
    expect(degreeSubject('MBA')).toBe('');
  });

  it('uses only known ids in families and joint degrees', () => {
    const ids = new Set(CATALOGUE.map((entry) => entry.id));
    const unknown = [
      ...SUBJECTS.flatMap((entry) => (entry.family ? [entry.family] : [])),
      ...JOINT_DEGREES.flat(),
    ].filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
    expect(ids.size).toBe(CATALOGUE.length);
    expect(new Set(SUBJECTS.map((entry) => entry.id)).size).toBe(SUBJECTS.length);
  });

  it('covers the UCAS subject areas the issue lists', () => {
    const listed = [
      'accounting',
      'aerospace engineering',
      'agriculture',
      'anthropology',
      'archaeology',
      'architecture',
      'art & design',
      'biochemistry',
      'biology',
      'biomedical science',
      'business',
      'chemical engineering',
      'chemistry',
      'civil engineering',
      'classics',
      'computer science',
      'criminology',
      'dentistry',
      'drama',
      'economics',
      'education',
      'electrical and electronic engineering',
      'English',
      'environmental science',
      'fashion',
      'film',
      'finance',
      'food science',
      'forensic science',
      'geography',
      'geology',
      'history',
      'hospitality',
      'international relations',
      'journalism',
      'languages',
      'law',
      'linguistics',
      'marketing',
      'mathematics',
      'mechanical engineering',
      'media studies',
      'medicine',
      'midwifery',
      'music',
      'nursing',
      'nutrition',
      'occupational therapy',
      'pharmacology',
      'pharmacy',
      'philosophy',
      'physics',
      'physiotherapy',
      'politics',
      'psychology',
      'public health',
      'social work',
      'sociology',
      'sport science',
      'statistics',
      'theology',
      'tourism',
      'veterinary science',
      'zoology',
      'data science',
      'artificial intelligence',
      'cyber security',
      'software engineering',
      'MBA',
      'project management',
      'supply chain management',
      'human resource management',
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
    const missed = demonyms.filter(
      (demonym) => subjectIdOf(`${demonym} student wants nursing in the UK`) !== 'nursing',
    );
    expect(missed).toEqual([]);
  });

  it('reads every country name after "from" as an origin', () => {
    const names = COUNTRIES.flatMap((place) => place.names).map((name) => name.replace(/^=/u, ''));
    const missed = names.filter((name) => subjectIdOf(`I am from ${name} and want to study law in London`) !== 'law');
    expect(missed).toEqual([]);
  });
});
