import { describe, expect, it } from 'vitest';
import { formatGbpRange } from '../src/domain/knowledge-base/format.js';
import { GENERAL_FACT_IDS, PROJECT_FACT_IDS, SUBJECT_FACT_IDS } from '../src/domain/knowledge-base/general-facts.js';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import {
  findSubject,
  MAX_SOURCES_PER_FACT,
  retrieve,
  subjectFactId,
  subjectTuitionFactId,
} from '../src/domain/knowledge-base/retrieve.js';
import type { KnowledgeBase } from '../src/domain/knowledge-base/schema.js';
import { credibilityScore, CREDIBILITY, toCitations } from '../src/domain/report/citations.js';
import type { NumberedSource } from '../src/domain/report/types.js';

const kb = loadKnowledgeBase();
const idOf = (subject: string, subjectId?: string | null): string | null =>
  findSubject(kb, subject, subjectId)?.id ?? null;

describe('findSubject', () => {
  it.each([
    ['Computer Science', 'computer-science'],
    ['computer-science', 'computer-science'],
    ['CS', 'computer-science'],
    ['Comp Sci', 'computer-science'],
    ['Software engineer', 'computer-science'],
    ['MSc Data Science', 'data-science-ai'],
    ['Business Analytics', 'data-science-ai'],
    ['MSc AI', 'data-science-ai'],
    ['nursing ', 'nursing'],
    ['NURSING', 'nursing'],
    ['Nurse', 'nursing'],
    ['I want to study nursing in the UK', 'nursing'],
    ['BSc (Hons) Adult Nursing', 'nursing'],
    ['MBA', 'mba'],
    ['Master of Business Administration', 'mba'],
    ['Business and Management', 'business-management'],
    ['Accounting & Finance', 'accounting-finance'],
    ['Law', 'law'],
    ['LLB', 'law'],
    ['Civil Engineering', 'engineering'],
    ['Hotel management', 'hospitality-tourism'],
    ['Medical school', 'medicine'],
  ])('finds %j as %s', (subject, expected) => {
    expect(idOf(subject)).toBe(expected);
  });

  it.each([
    'Underwater Basket Weaving',
    'Fine Art',
    'Art',
    'Economics',
    'Doctorate in Chemistry',
    'MSc',
    '',
    '   ',
    'it is',
  ])('finds nothing for %j', (subject) => {
    expect(idOf(subject)).toBeNull();
  });

  it('prefers a known subject id, and falls back to the words for an unknown one', () => {
    expect(idOf('anything at all', 'law')).toBe('law');
    expect(idOf('Nursing', 'no-such-id')).toBe('nursing');
    expect(idOf('Nursing', null)).toBe('nursing');
  });
});

describe('retrieve', () => {
  it('includes every general fact a report needs, for any subject', () => {
    for (const subject of ['Computer Science', 'Underwater Basket Weaving']) {
      const ids = new Set(retrieve(kb, { subject }).facts.map((fact) => fact.id));
      for (const id of GENERAL_FACT_IDS) expect(ids, `${subject}: ${id}`).toContain(id);
      // The points the issue names: the visa and its fee, funds for London and elsewhere, the 28-day rule, the IHS,
      // English, term-time work, dependants, the Graduate route and its shortening, Skilled Worker thresholds,
      // the National Living Wage and living costs.
      for (const id of [
        'visa-cas-required',
        'visa-fee-student-outside-uk',
        'visa-maintenance-london',
        'visa-maintenance-outside-london',
        'visa-28-day-rule',
        'ihs-student-rate',
        'english-student-b2',
        'work-20-hours-degree',
        'dependants-pgr-only',
        'graduate-length-current',
        'graduate-18-months',
        'sw-general-threshold',
        'sw-new-entrant',
        'fallback-nlw-2026',
        'costs-london-mis',
        'ucas-deadlines-by-course',
      ]) {
        expect(ids).toContain(id);
      }
    }
  });

  it('keeps each fact’s value, effective date and confidence', () => {
    const facts = retrieve(kb, { subject: 'Law' }).facts;
    const graduate = facts.find((fact) => fact.id === 'graduate-18-months')!;
    const original = kb.facts.find((fact) => fact.id === 'graduate-18-months')!;
    expect(graduate).toMatchObject({
      topic: original.topic,
      statement: original.statement,
      value: original.value,
      effectiveFrom: original.effective_from,
      confidence: original.confidence,
      note: original.note,
    });
    expect(facts.find((fact) => fact.id === 'visa-cas-required')).not.toHaveProperty('effectiveFrom');
  });

  it('numbers sources 1..n in first-use order, each cited, none with an excerpt (the data holds no quote)', () => {
    const retrieval = retrieve(kb, { subject: 'Nursing' });
    const factIds = new Set(kb.facts.map((fact) => fact.id));
    const firstUse: number[] = [];
    for (const fact of retrieval.facts) {
      expect(fact.sourceNumbers.length).toBeGreaterThan(0);
      if (factIds.has(fact.id)) expect(fact.sourceNumbers.length).toBeLessThanOrEqual(MAX_SOURCES_PER_FACT);
      for (const n of fact.sourceNumbers) if (!firstUse.includes(n)) firstUse.push(n);
    }
    expect(firstUse).toEqual(retrieval.sources.map((_, index) => index + 1));
    expect(retrieval.sources.map((source) => source.n)).toEqual(firstUse);
    const all = [...kb.sources, ...kb.occupations.sources, ...kb.subjectMap.sources];
    for (const source of retrieval.sources) {
      const original = all.find((s) => s.id === source.sourceId)!;
      expect(source).toMatchObject({
        url: original.url,
        title: original.title,
        publisher: original.publisher,
        accessedDate: original.accessed,
        textChecked: original.text_checked,
        excerpt: null,
      });
      expect(source.sourceId).not.toMatch(/^copy-/);
    }
  });

  it('cites a fact’s first (official) source and then its text-checked ones', () => {
    const retrieval = retrieve(kb, { subject: 'Nursing' });
    const byN = new Map(retrieval.sources.map((source) => [source.n, source.sourceId]));
    const checked = new Set(kb.sources.filter((source) => source.text_checked).map((source) => source.id));
    for (const fact of kb.facts.filter((f) => retrieval.facts.some((r) => r.id === f.id))) {
      const cited = retrieval.facts.find((r) => r.id === fact.id)!.sourceNumbers.map((n) => byN.get(n)!);
      expect(cited[0]).toBe(fact.source_ids[0]);
      const expected = [fact.source_ids[0], ...fact.source_ids.slice(1).filter((id) => checked.has(id))];
      expect(cited).toEqual(expected.slice(0, MAX_SOURCES_PER_FACT));
    }
  });

  it('adds the subject entry as a tuition fact and a demand fact, plus the subject’s own facts', () => {
    const retrieval = retrieve(kb, { subject: 'MSc Computer Science' });
    const entry = kb.subjects.find((subject) => subject.id === 'computer-science')!;
    expect(retrieval.subject).toBe('MSc Computer Science');
    expect(retrieval.asOf).toBe(kb.as_of);
    expect(retrieval.subjectEntry?.id).toBe('computer-science');
    const [tuition, demand] = retrieval.facts;
    const { ug, pg_taught: pgt } = entry.tuition_gbp_per_year_international;
    expect(tuition).toMatchObject({ id: subjectTuitionFactId(entry), topic: 'tuition', confidence: 'medium' });
    expect(tuition.statement).toContain(formatGbpRange(ug!));
    expect(tuition.statement).toContain(formatGbpRange(pgt!));
    expect(tuition.value).toBe(`UG ${formatGbpRange(ug!)}; PGT ${formatGbpRange(pgt!)}`);
    expect(demand).toMatchObject({ id: subjectFactId(entry), statement: entry.demand_notes });
    const ids = retrieval.facts.map((fact) => fact.id);
    for (const id of SUBJECT_FACT_IDS['computer-science']) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    const feeSource = retrieval.sources.find((s) => tuition.sourceNumbers.includes(s.n))!;
    expect(feeSource.sourceId).toBe('lboro-ug-intl-fees-2026');
  });

  it('says which route a subject lacks, and falls back to the general fee sources', () => {
    const mba = retrieve(kb, { subject: 'MBA' }).facts[0];
    expect(mba.statement).toMatch(/taught postgraduate degrees \(there is no undergraduate route\)\.$/);
    const medicine = retrieve(kb, { subject: 'Medicine' }).facts[0];
    expect(medicine.statement).toMatch(/undergraduate degrees \(there is no separate taught postgraduate route\)\.$/);
    const nursing = retrieve(kb, { subject: 'Nursing' });
    const generalRange = kb.facts.find((fact) => fact.id === 'tuition-ug-range')!;
    const nursingFeeSources = nursing.facts[0].sourceNumbers.map((n) => nursing.sources[n - 1].sourceId);
    expect(nursingFeeSources[0]).toBe(generalRange.source_ids[0]);
  });

  it('leaves out the tuition fact of a subject with no fee range at all', () => {
    const copy: KnowledgeBase = structuredClone(kb);
    copy.subjects[0].tuition_gbp_per_year_international = { ug: null, pg_taught: null };
    const facts = retrieve(copy, { subject: copy.subjects[0].name }).facts;
    expect(facts[0].id).toBe(subjectFactId(copy.subjects[0]));
  });

  it('retrieves only the general facts for a subject the knowledge base does not hold', () => {
    const retrieval = retrieve(kb, { subject: '  Underwater Basket Weaving ' });
    expect(retrieval.subject).toBe('Underwater Basket Weaving');
    expect(retrieval.subjectEntry).toBeNull();
    expect(retrieval.facts.map((fact) => fact.id)).toEqual([...GENERAL_FACT_IDS, ...PROJECT_FACT_IDS]);
  });
});

describe('toCitations', () => {
  const source = (n: number, url: string): NumberedSource => ({
    n,
    sourceId: `s${n}`,
    url,
    title: `Title ${n}`,
    publisher: 'Publisher',
    accessedDate: '2026-11-26',
    textChecked: n === 1,
    excerpt: n === 1 ? null : `Quoted words ${n}`,
  });

  it('maps numbered sources to wire citations in number order', () => {
    const citations = toCitations([source(2, 'https://example.com/a'), source(1, 'https://www.gov.uk/student-visa')]);
    expect(citations).toEqual([
      {
        id: 1,
        url: 'https://www.gov.uk/student-visa',
        title: 'Title 1',
        accessed_date: '2026-11-26',
        relevant_excerpt: null,
        credibility_score: CREDIBILITY.official.checked,
      },
      {
        id: 2,
        url: 'https://example.com/a',
        title: 'Title 2',
        accessed_date: '2026-11-26',
        relevant_excerpt: 'Quoted words 2',
        credibility_score: CREDIBILITY.secondary.unchecked,
      },
    ]);
  });

  it('scores by class (official or university hosts above secondary ones) and by whether the text was read', () => {
    expect(credibilityScore('https://www.gov.uk/graduate-visa', true)).toBe(0.9);
    expect(credibilityScore('https://www.gov.uk/graduate-visa', false)).toBe(0.8);
    expect(credibilityScore('https://www.ons.gov.uk/x', true)).toBe(CREDIBILITY.official.checked);
    expect(credibilityScore('https://lboro.ac.uk/study', true)).toBe(CREDIBILITY.official.checked);
    expect(credibilityScore('https://www.nmc.org.uk/registration/', true)).toBe(CREDIBILITY.official.checked);
    expect(credibilityScore('https://www.hesa.ac.uk/x', false)).toBe(CREDIBILITY.official.unchecked);
    expect(credibilityScore('https://notgov.uk.example.com/', true)).toBe(0.6);
    expect(credibilityScore('https://monitor.icef.com/2025/11/x', false)).toBe(0.4);
    expect(credibilityScore('not a url', true)).toBe(CREDIBILITY.secondary.checked);
  });
});
