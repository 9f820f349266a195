import { describe, expect, it } from 'vitest';
import { fieldJobs, jobName, payFactIds, payWords } from '../src/domain/knowledge-base/field-jobs.js';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import { subjectData } from '../src/domain/writers/gemini/subject-data.js';

/** The pay a sponsor must offer in the field's jobs, as both writers say it, from the occupation table. */
const kb = loadKnowledgeBase();
const DAY = '2026-12-01';
const NA = 'Information not available';
const job = (soc: string, day = DAY) => {
  const occupation = kb.occupations.occupations.find((o) => o.soc === soc)!;
  return fieldJobs([occupation], kb.occupations, day, [`occupation:${soc}`])[0];
};

describe('fieldJobs and payWords', () => {
  it.each([
    [
      '2134',
      'at least £38,300 as a new entrant, then £54,700 (its going rate)',
      ['occupation:2134', 'sw-new-entrant', 'sw-general-threshold'],
    ],
    [
      '2112',
      'at least £33,400 as a new entrant, then £41,700 (its going rate, £40,300, is below the general threshold)',
      ['occupation:2112', 'sw-new-entrant', 'sw-general-threshold'],
    ],
    [
      '2231',
      'at least £25,000 or pay-band rate on the Health and Care Worker visa, once registered',
      ['occupation:2231', 'sw-health-care-threshold'],
    ],
    [
      '3544',
      'can be sponsored only while on the Temporary Shortage List (until 31 December 2026), which ends before a course starting now does',
      ['occupation:3544'],
    ],
    [
      '1221',
      'cannot be sponsored for a new Skilled Worker visa; on the Graduate visa you could still do this work',
      ['occupation:1221'],
    ],
  ])('SOC %s: %s', (soc, words, ids) => {
    const j = job(soc);
    expect(payWords(j, '£25,000 or pay-band rate', true, NA)).toBe(words);
    expect(payFactIds(j)).toEqual(ids);
  });

  it('after a list place ends, the job is said to have ended on the list', () => {
    expect(payWords(job('3544', '2027-01-01'), undefined, false, NA)).toBe(
      'cannot be sponsored now: the shortage-list place ended on 31 December 2026',
    );
  });

  it('takes the higher of the going rate and the general threshold, never a computed figure', () => {
    const general = kb.occupations.rules_context.general_threshold_gbp;
    for (const o of kb.occupations.occupations.filter((x) => x.going_rate_gbp !== null)) {
      const j = fieldJobs([o], kb.occupations, DAY, [])[0];
      expect([o.going_rate_gbp, general]).toContain(j.standardPay);
      expect(j.newEntrantPay).toBe(o.new_entrant_gbp);
      expect(j.factId).toBe(`occupation:${o.soc}`);
    }
    expect(jobName(job('2112'))).toBe('biological scientists (SOC 2112)');
  });

  it('a shared occupation fact is found for each code it names', () => {
    const retrieval = retrieve(kb, { subject: 'Nursing', subjectId: 'nursing', on: new Date(`${DAY}T10:00:00Z`) });
    const ids = retrieval.facts.map((f) => f.id);
    for (const j of retrieval.fieldJobs) expect(ids).toContain(j.factId);
  });
});

describe('the Gemini subject data', () => {
  const on = new Date(`${DAY}T10:00:00Z`);
  it('gives the pay per job with its fact ids, the course names and, for a bachelor’s, the UCAS instructions', () => {
    const retrieval = retrieve(kb, { subject: 'Marine Biology', subjectId: 'marine-biology', on });
    const ug = subjectData(retrieval, 'undergraduate');
    expect(ug).toContain(
      '  - biological scientists (SOC 2112): at least £33,400 as a new entrant, then £41,700 (its going rate, £40,300, is below the general threshold) (facts occupation:2112, sw-new-entrant, sw-general-threshold)',
    );
    expect(ug).toContain('fact courses:marine-biology');
    expect(ug).toContain('ucas-deadlines-by-course');
    expect(ug).toContain('write "Information not available" for them and point to ucas.com');
    expect(subjectData(retrieval, 'postgraduate_taught')).not.toContain('UCAS');
  });
});
