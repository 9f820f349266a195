import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KNOWLEDGE_BASE_FILES,
  KnowledgeBaseError,
  PROJECT_FACTS_FILE,
  loadKnowledgeBase,
} from '../src/domain/knowledge-base/load.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';

/**
 * The project's additions (`project-facts.json`): merged beside the byte-identical shared copies, optional, and
 * refused when they clash with the shared data or break its schema.
 */
const KB_DIR = fileURLToPath(new URL('../data/knowledge-base/', import.meta.url));
const tempDir = mkdtempSync(join(tmpdir(), 'uksmr-project-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

interface ProjectFile {
  as_of: string;
  sources: { id: string; url: string }[];
  facts: { id: string; source_ids: string[] }[];
  course_lengths?: { subject_id: string; fact_id: string; months: number }[];
  regulator_routes?: { subject_id: string; fact_id: string }[];
}
const project = (): ProjectFile => JSON.parse(readFileSync(join(KB_DIR, PROJECT_FACTS_FILE), 'utf8')) as ProjectFile;

/** A fresh folder with the three shared copies and, when given, a project file. */
function folder(name: string, projectFile?: unknown): string {
  const dir = mkdtempSync(join(tempDir, `${name}-`));
  Object.values(KNOWLEDGE_BASE_FILES).forEach((file) => copyFileSync(join(KB_DIR, file), join(dir, file)));
  if (projectFile !== undefined) writeFileSync(join(dir, PROJECT_FACTS_FILE), JSON.stringify(projectFile));
  return dir;
}

function problemsOf(dir: string): readonly string[] {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    return (error as KnowledgeBaseError).problems;
  }
  throw new Error('expected the knowledge base to be refused');
}

describe('project-facts.json', () => {
  it('adds the UCAS facts with their sources; the report retrieves them', () => {
    const kb = loadKnowledgeBase();
    for (const fact of project().facts) expect(kb.facts.map((f) => f.id)).toContain(fact.id);
    const retrieval = retrieve(kb, { subject: 'Nursing', subjectId: 'nursing', on: new Date('2026-12-01T10:00:00Z') });
    const oxford = retrieval.facts.find((f) => f.id === 'ucas-oxford-medicine-2027')!;
    expect(oxford.value).toBe('15 October 2026');
    const source = retrieval.sources.find((s) => s.n === oxford.sourceNumbers[0])!;
    expect(source.url).toBe('https://www.medsci.ox.ac.uk/study/medicine/pre-clinical/applying/applying');
    expect(source.textChecked).toBe(true);
  });

  it('is optional: a folder without it loads, without the UCAS facts', () => {
    const kb = loadKnowledgeBase(folder('without'));
    expect(kb.facts.some((f) => f.id.startsWith('ucas-'))).toBe(false);
  });

  it('refuses an id that the shared facts file already has, naming the file, record and field', () => {
    const clash = project();
    clash.facts[0].id = 'visa-cas-required';
    expect(problemsOf(folder('clash', clash))).toContain(
      `${PROJECT_FACTS_FILE}: facts[0] (visa-cas-required).id: already in uk-facts.json`,
    );
  });

  it('refuses an unknown source, plain http and subjects (they come from the shared data)', () => {
    const bad = project();
    bad.facts[1].source_ids = ['nowhere'];
    expect(problemsOf(folder('unknown-source', bad)).join('\n')).toContain(
      `${PROJECT_FACTS_FILE}: facts[1] (ucas-oxford-medicine-2027).source_ids[0]: unknown source "nowhere"`,
    );
    const http = project();
    http.sources[0].url = 'http://www.ucas.com/';
    expect(problemsOf(folder('http', http)).join('\n')).toContain(
      `${PROJECT_FACTS_FILE}: sources[0] (ucas-when-to-apply).url`,
    );
    expect(problemsOf(folder('subjects', { ...project(), subjects: [] })).join('\n')).toContain(PROJECT_FACTS_FILE);
  });

  it('holds sourced course lengths for map entries; a report on the subject retrieves the fact behind each', () => {
    const kb = loadKnowledgeBase();
    expect(kb.courseLengths?.map((c) => [c.subject_id, c.level, c.months])).toEqual([
      ['physiotherapy', 'postgraduate_taught', 24],
      ['occupational-therapy', 'postgraduate_taught', 24],
      ['social-work', 'postgraduate_taught', 24],
      ['dentistry', 'undergraduate', 60],
      ['dentistry', 'undergraduate', 48],
      ['veterinary-science', 'undergraduate', 60],
      ['veterinary-science', 'undergraduate', 48],
      ['architecture', 'postgraduate_taught', 24],
      ['speech-and-language-therapy', 'postgraduate_taught', 24],
      ['dietetics', 'postgraduate_taught', 24],
    ]);
    const retrieval = retrieve(kb, {
      subject: 'Physiotherapy',
      subjectId: 'physiotherapy',
      on: new Date('2026-12-01'),
    });
    expect(retrieval.courses).toEqual([
      {
        degree: 'MSc Physiotherapy (pre-registration)',
        level: 'postgraduate_taught',
        months: 24,
        upToMonths: null,
        factIds: ['course-physiotherapy-pre-registration'],
      },
    ]);
    const fact = retrieval.facts.find((f) => f.id === 'course-physiotherapy-pre-registration')!;
    expect(fact.sourceNumbers).toHaveLength(3);
    for (const n of fact.sourceNumbers) expect(retrieval.sources.find((s) => s.n === n)!.textChecked).toBe(true);
    // Another subject does not get them.
    const economics = retrieve(kb, { subject: 'Economics', subjectId: 'economics', on: new Date('2026-12-01') });
    expect(economics.courses).toEqual([]);
    expect(economics.facts.some((f) => f.id.startsWith('course-'))).toBe(false);
  });

  it('refuses a course length for an unknown subject or fact, naming the file, record and field', () => {
    const bad = project();
    bad.course_lengths![0].subject_id = 'basket-weaving';
    bad.course_lengths![1].fact_id = 'no-such-fact';
    const problems = problemsOf(folder('course-lengths', bad));
    expect(problems).toContain(`${PROJECT_FACTS_FILE}: course_lengths[0].subject_id: unknown subject "basket-weaving"`);
    expect(problems).toContain(`${PROJECT_FACTS_FILE}: course_lengths[1].fact_id: unknown fact "no-such-fact"`);
    const long = project();
    long.course_lengths![2].months = 0;
    expect(problemsOf(folder('course-months', long)).join('\n')).toContain(`${PROJECT_FACTS_FILE}: course_lengths[2]`);
  });

  it('replaces the dentists’ route in a dental-nursing report with the GDC’s route for dental care professionals', () => {
    const kb = loadKnowledgeBase();
    const on = new Date('2026-12-01');
    const dental = retrieve(kb, { subject: 'Dental Nursing', subjectId: 'dental-nursing', on });
    const line = dental.facts.find((f) => f.id.startsWith('regulator:'))!;
    expect(line.statement).toMatch(
      /^General Dental Council \(GDC\) registers this profession\. Dental nurses and other/,
    );
    expect(line.statement).toContain('a dentistry degree alone has not qualified anyone for registration');
    expect(line.statement).not.toContain('Overseas Registration Exam');
    const cited = line.sourceNumbers.map((n) => dental.sources.find((s) => s.n === n)!.url);
    expect(cited).toEqual([
      'https://www.gdc-uk.org/registration/route-to-registration/registration-as-dcp-with-overseas-qualification',
      'https://www.gdc-uk.org/registration/join-the-register/route-to-registration/registration-as-dcp-with-overseas-qualification',
    ]);
    // Dentistry keeps the map's own route, the Overseas Registration Exam.
    const dentistry = retrieve(kb, { subject: 'Dentistry', subjectId: 'dentistry', on });
    expect(dentistry.facts.find((f) => f.id.startsWith('regulator:'))!.statement).toContain(
      'Overseas Registration Exam',
    );
  });

  it('refuses a regulator route for an unknown subject or fact', () => {
    const bad = project();
    bad.regulator_routes = [
      { subject_id: 'basket-weaving', fact_id: 'regulator-dental-care-professionals-overseas' },
      { subject_id: 'dental-nursing', fact_id: 'no-such-fact' },
    ];
    const problems = problemsOf(folder('regulator-routes', bad));
    expect(problems).toContain(
      `${PROJECT_FACTS_FILE}: regulator_routes[0].subject_id: unknown subject "basket-weaving"`,
    );
    expect(problems).toContain(`${PROJECT_FACTS_FILE}: regulator_routes[1].fact_id: unknown fact "no-such-fact"`);
  });
});
