import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { relatedFacts, relatedJobs, MAX_RELATED_JOBS } from '../src/domain/knowledge-base/related-jobs.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import { composeReport } from '../src/domain/writers/knowledge-base-writer/compose.js';
import { NOT_AVAILABLE } from '../src/domain/report/sections.js';

/** Out-of-field jobs from the subject map: the degree-level jobs graduates of related subjects enter. */
const kb = loadKnowledgeBase();
const { subjects } = kb.subjectMap;
const { occupations } = kb.occupations;
const bySoc = new Map(occupations.map((o) => [o.soc, o]));
const entry = (id: string) => subjects.find((s) => s.id === id)!;
const socs = (id: string) => relatedJobs(entry(id), subjects, bySoc).map((j) => j.soc);

describe('relatedJobs', () => {
  it.each([
    // Same CAH2 group (Biosciences), most related subjects first, then by code.
    ['marine-biology', ['2113', '2119', '2162', '2161']],
    ['physiotherapy', ['2119', '1171', '2162', '2483']],
    ['fashion-design', ['3416', '1255', '2141', '2472']],
    // No other subject in its CAH2 group: the wider CAH1 group (social sciences).
    ['economics', ['2439', '2115', '2469', '2493']],
    // Law's groups hold no other unregulated subject with open jobs.
    ['law', []],
  ])('%s → %j', (id, expected) => {
    expect(socs(id)).toEqual(expected);
  });

  it('never lists the field’s own jobs, a job closed to sponsorship or one without a going rate', () => {
    for (const subject of subjects) {
      const jobs = relatedJobs(subject, subjects, bySoc);
      expect(jobs.length).toBeLessThanOrEqual(MAX_RELATED_JOBS);
      for (const job of jobs) {
        const o = occupations.find((x) => x.soc === job.soc)!;
        expect(subject.soc_codes).not.toContain(job.soc);
        expect(o.eligible).toBe('yes');
        expect(o.going_rate_gbp).not.toBeNull();
        expect(job.subjects.length).toBeGreaterThan(0);
        expect(job.subjects).not.toContain(subject.name);
      }
    }
  });

  it('states each job in one sentence with the table’s figures, cited to the official pages only', () => {
    const [fact] = relatedFacts(relatedJobs(entry('marine-biology'), subjects, bySoc), occupations, kb.occupations);
    expect(fact).toMatchObject({
      id: 'related:2113',
      topic: 'fallback_jobs',
      statement:
        'SOC 2113 Biochemists and biomedical scientists: degree level (RQF 6+), open to Skilled Worker sponsorship; going rate £45,900 a year; new-entrant rate £33,400; also on the Health and Care Worker visa list.',
    });
    expect(fact.sourceIds.some((id) => id.startsWith('copy-'))).toBe(false);
  });
});

describe('the Fallback section', () => {
  const NOW = new Date('2026-12-01T10:00:00Z');
  const write = (subject: string, subjectId: string | null) =>
    composeReport({ subject, retrieval: retrieve(kb, { subject, subjectId, on: NOW }), now: NOW }).content;

  it('lists the related jobs with the subjects that lead to them, each cited', () => {
    const text = write('Marine Biology', 'marine-biology').fallback_job_prospects;
    expect(text).toContain(
      "**Outside Marine Biology:** degree-level jobs that graduates of related subjects in HESA's Biosciences group",
    );
    expect(text).toMatch(
      /- \*\*Biology, Biochemistry and Biosciences \(non-specific\) graduates:\*\* SOC 2113 [^\n]*(\[\d+\])+\./,
    );
  });

  it('Study Options names the other subjects of the HESA group, cited', () => {
    expect(write('Marine Biology', 'marine-biology').study_options).toMatch(
      /\*\*Related courses\*\* \(their graduates' jobs are under Fallback Job Prospects\): Other subjects HESA files in the Biosciences group include Biology, Zoology, [^\n]*(\[\d+\])+\./,
    );
    expect(write('Underwater Basket Weaving', null).study_options).not.toContain('Related courses');
  });

  it('says the jobs are not available for a subject the knowledge base does not hold, or when none is related', () => {
    expect(write('Underwater Basket Weaving', null).fallback_job_prospects).toContain(`: ${NOT_AVAILABLE}`);
    expect(write('Law', 'law').fallback_job_prospects).toContain(
      `Degree-level jobs outside Law that graduates of related subjects enter: ${NOT_AVAILABLE}.`,
    );
  });
});

describe('UK-wide rules applied to the field’s own jobs', () => {
  const NOW = new Date('2026-12-01T10:00:00Z');
  const write = (subject: string, subjectId: string | null) =>
    composeReport({ subject, retrieval: retrieve(kb, { subject, subjectId, on: NOW }), now: NOW }).content;

  it('the Graduate visa as the bridge: the codes a sponsor can switch you into, and the job it cannot sponsor', () => {
    expect(write('Marine Biology', 'marine-biology').post_study_work).toMatch(
      /\*\*Your field on the Graduate visa:\*\* to stay, switch from it to a Skilled Worker visa, as a new entrant \(below\), in a job under one of these codes: biological scientists \(SOC 2112\), conservation professionals \(SOC 2151\) and environment professionals \(SOC 2152\) (\[\d+\])+\./,
    );
    expect(write('Fashion Design', 'fashion-design').post_study_work).toContain(
      'you may work as clothing, fashion and accessories designers (SOC 3422) on it, but that job cannot sponsor you after it',
    );
    const hospitality = write('Hospitality Management', 'hospitality');
    expect(hospitality.post_study_work).toContain(
      'and leisure and sports managers and proprietors (SOC 1224) on it, but those jobs cannot sponsor you after it',
    );
    expect(hospitality.executive_summary.join('\n')).toContain(
      '(SOC 1224): cannot be sponsored for a new Skilled Worker visa; on the Graduate visa you could still do this work',
    );
    expect(write('Underwater Basket Weaving', null).post_study_work).not.toContain('Your field on the Graduate visa');
    // Health jobs on national pay scales: the Health and Care Worker visa and its pay rule, not the new-entrant rate.
    const physiotherapy = write('Physiotherapy', 'physiotherapy').post_study_work;
    expect(physiotherapy).toMatch(
      /\*\*Your field on the Graduate visa:\*\* to stay, switch from it to the Health and Care Worker visa \(the Skilled Worker visa for health jobs on national pay scales; its pay rule is under Job Prospects\) in a job under this code: physiotherapists \(SOC 2221\) (\[\d+\])+\./,
    );
    expect(physiotherapy).not.toContain('as a new entrant (below)');
  });

  it('settlement and family: the field’s sponsorable jobs are degree level, so not the longer proposed wait, and family can join', () => {
    expect(write('Computer Science', 'computer-science').post_study_work).toContain(
      "**Your field's sponsorable jobs** (the 8 listed under Job Prospects) are degree level: the longer proposed wait for settlement in below-degree-level jobs would not apply to them, and in any of them a partner and children could join you, unlike below-degree shortage-list jobs and care work [",
    );
    // Without sponsorable jobs in the field (or without a map entry), the family rule as the facts file words it.
    expect(write('Underwater Basket Weaving', null).post_study_work).toContain(
      '- **Family as a Skilled Worker:** Skilled Workers in degree-level (RQF 6+) jobs can bring a partner and children',
    );
    expect(write('Fashion Design', 'fashion-design').post_study_work).toContain(
      "**Your field's sponsorable job** (graphic and multimedia designers (SOC 2142)) is degree level: the longer proposed wait for settlement in below-degree-level jobs would not apply to it, and in it a partner and children could join you",
    );
    expect(write('Computer Science', 'computer-science').post_study_work).not.toContain('Family as a Skilled Worker');
  });

  it('the field’s own shortage-list end replaces the general line; a field with none keeps it', () => {
    const marine = write('Marine Biology', 'marine-biology').risks_reality_check;
    expect(marine).toContain('SOC 2112 Biological scientists leaves the Immigration Salary List');
    expect(marine).not.toContain('the Immigration Salary List and the Temporary Shortage List are due to end');
    expect(marine).toContain('and even ten years after (£39,900) it is below the £41,700');
    expect(write('Economics', 'economics').risks_reality_check).toContain(
      'the Immigration Salary List and the Temporary Shortage List are due to end',
    );
  });
});
