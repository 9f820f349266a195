import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { plainWords } from '../src/domain/knowledge-base/plain-words.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';
import { describeCoverage, findMapSubject } from '../src/domain/knowledge-base/subject-map.js';
import { reportText } from '../src/domain/report/validate.js';
import { composeReport } from '../src/domain/writers/knowledge-base-writer/compose.js';

const kb = loadKnowledgeBase();
const ON = new Date('2026-12-01T10:00:00Z');
const factsOf = (subjectId: string) => retrieve(kb, { subject: subjectId, subjectId, on: ON }).facts;

describe('describeCoverage', () => {
  it.each([
    ['nursing', 'entry', 'detailed'],
    ['computer-science', 'entry', 'detailed'],
    ['adult-nursing', 'entry', 'detailed'],
    ['marine-biology', 'entry', 'occupations'],
    ['fashion-design', 'entry', 'occupations'],
    ['economics', 'entry', 'occupations'],
    ['fashion-design', 'parent', 'general'],
    ['nursing', 'parent', 'general'],
    ['no-such-subject', 'entry', 'general'],
  ] as const)('%s matched via %s is %s', (id, via, level) => {
    expect(describeCoverage(kb, id, via).level).toBe(level);
  });

  it('says in one plain sentence what the report will and will not hold', () => {
    expect(describeCoverage(kb, 'nursing').note).toBe(
      'The report covers Nursing in depth: indicative fees for the subject, the 6 jobs graduates usually enter (SOC code, whether it can be sponsored, going and new-entrant pay), graduate earnings for its subject group, registration with the Nursing and Midwifery Council (NMC), the job market for international graduates, and the Student visa, money to show, work rights, the Graduate and Skilled Worker routes and their dates. It does not rank universities or give a fee for each course.',
    );
    expect(describeCoverage(kb, 'marine-biology').note).toMatch(
      /^For Marine Biology, the report covers the 3 jobs graduates usually enter .*graduate earnings for its subject group, and .* It has no course fees of its own for Marine Biology/,
    );
    expect(describeCoverage(kb, 'data-science').note).not.toContain('graduate earnings');
    expect(describeCoverage(kb, 'physiotherapy').note).toContain(
      'registration with the Health and Care Professions Council (HCPC)',
    );
    expect(describeCoverage(kb, 'biosciences-non-specific', 'parent').note).toMatch(
      /^We do not hold this subject on its own, so the report uses its nearest group, /,
    );
    expect(describeCoverage(kb, null).note).toMatch(/^We hold no subject-specific data for this subject/);
  });
});

describe('a residual group (HESA’s “others in …”) as the report shows it', () => {
  it('takes the student’s words as its name and drops the placeholder awards', () => {
    const entry = findMapSubject(kb, 'Cognitive Psychology', 'others-in-psychology')!;
    expect(entry.name).toBe('Cognitive Psychology');
    expect(entry.typical_degrees).toEqual([]);
    expect(entry.soc_codes.length).toBeGreaterThan(0);
    expect(findMapSubject(kb, 'Others in psychology', 'others-in-psychology')!.name).toBe('Others in psychology');
    expect(findMapSubject(kb, 'MSc (Hons) in Cognitive Psychology', 'others-in-psychology')!.name).toBe(
      'Cognitive Psychology',
    );
    expect(findMapSubject(kb, 'Marine Biology', 'marine-biology')!.typical_degrees).toContain('MSc Marine Biology');
    const cardiology = findMapSubject(kb, 'Cardiology', 'medicine-by-specialism')!;
    expect(cardiology.name).toBe('Cardiology');
    expect(cardiology.typical_degrees).toEqual([]);
    expect(findMapSubject(kb, 'Biosciences', 'biosciences-non-specific')!.name).toBe('Biosciences');
    // Reached as the nearest parent group, a heading keeps its own name: it stands for more than the student's words.
    expect(findMapSubject(kb, 'Marine Ecology', 'biosciences-non-specific', 'parent')!.name).toBe(
      'Biosciences (non-specific)',
    );
    expect(describeCoverage(kb, 'biosciences-non-specific', 'parent', 'Marine Ecology').note).toContain(
      'nearest group, Biosciences (non-specific):',
    );
    const note = describeCoverage(kb, 'others-in-nursing', 'entry', 'Critical Care Nursing').note;
    expect(note).toMatch(/^For Critical Care Nursing, the report covers/);
    expect(note).not.toMatch(/others in/i);
  });

  it('is never named as a subject or a degree in its report', () => {
    const subject = 'Cognitive Psychology';
    const retrieval = retrieve(kb, { subject, subjectId: 'others-in-psychology', on: ON });
    const { content } = composeReport({ subject, retrieval, now: ON });
    const text = reportText(content);
    expect(text).toContain('**Jobs Cognitive Psychology graduates usually enter**');
    // HESA's own label for the group may be quoted, in quotation marks, where the report says how courses are filed.
    expect(text.replace(/"others in psychology"/g, '')).not.toMatch(/others in psychology/i);
  });
});

describe('findMapSubject', () => {
  it.each([
    ['Marine Biology', null, 'marine-biology'],
    ['anything', 'economics', 'economics'],
    ['BSc Physiotherapy', null, 'physiotherapy'],
    ['Social Work', 'old-catalogue-id', 'social-work'],
    ['Fashion Design', null, 'fashion-design'],
    ['asdfgh', null, null],
  ])('finds %j (id %s) as %s', (subject, id, expected) => {
    expect(findMapSubject(kb, subject, id)?.id ?? null).toBe(expected);
  });
});

describe('the field facts retrieval adds from the map', () => {
  it('states each mapped occupation with its code, status and rates, cited to the official tables only', () => {
    const facts = factsOf('marine-biology');
    const line = facts.find((f) => f.id === 'occupation:2112')!;
    expect(line.statement).toBe(
      'SOC 2112 Biological scientists: can be sponsored on a Skilled Worker visa (degree level, RQF 6+), and is on the Immigration Salary List until 31 December 2026. Going rate £40,300 a year (£20.67 an hour), below the general £41,700 threshold, which applies after the new-entrant years; new-entrant rate £33,400. Job titles under this code include agricultural consultant, forensic scientist, horticulturist (professional), microbiologist and pathologist.',
    );
    expect(line.sourceNumbers.length).toBeGreaterThanOrEqual(3);
    const sources = retrieve(kb, { subject: 'x', subjectId: 'marine-biology', on: ON }).sources;
    expect(sources.some((s) => s.sourceId.startsWith('copy-'))).toBe(false);
    expect(facts.find((f) => f.id === 'earnings:marine-biology')!.statement).toBe(
      'UK graduates in Biosciences, the wider subject group Marine Biology belongs to, earned a median £32,900 a year 5 years after graduating, £23,800 one year after, £28,900 three years after and £39,900 ten years after (2023-24 tax year); this is a guide to the field, not a promise of what you will earn.',
    );
    expect(facts.some((f) => f.id.startsWith('regulator:'))).toBe(false);
  });

  it('says plainly in the outlook when the field’s jobs decide whether the student can stay', () => {
    const outlook = (id: string): string => factsOf(id).find((f) => f.id === `outlook:${id}`)!.statement;
    expect(outlook('fashion-design')).toMatch(
      /^Only 1 of the 2 jobs Fashion Design graduates usually enter can be sponsored/,
    );
    expect(outlook('fashion-design')).toContain(
      'which job you get decides whether you can stay after the Graduate visa',
    );
    expect(outlook('marine-biology')).toContain('are below the general £41,700 threshold');
    expect(outlook('nursing')).toMatch(/Health and Care Worker visa/);
    expect(outlook('computer-science')).toMatch(
      /^The 8 jobs Computer Science graduates usually enter are degree-level and can be sponsored on a Skilled Worker visa if the pay meets the threshold; the going rate of IT quality and testing professionals \(SOC 2136\) \(£41,200\) is below/,
    );
    expect(outlook('mba')).toMatch(
      /are degree-level and can be sponsored on a Skilled Worker visa if the pay meets the threshold\.$/,
    );
    expect(outlook('hospitality')).toMatch(
      /cannot be sponsored on a Skilled Worker visa for a graduate of a course starting now \(below degree level, RQF 6/,
    );
    expect(outlook('psychology')).toContain(
      'and psychotherapists and cognitive behaviour therapists (SOC 2224) can also go through the Health and Care Worker visa, paid on national pay scales, once you are registered with the Health and Care Professions Council (HCPC)',
    );
    expect(outlook('public-health')).toMatch(
      /can be sponsored on a Skilled Worker visa: health services and public health managers and directors \(SOC 1171\) can also go through the Health and Care Worker visa; the going rates of /,
    );
    expect(outlook('medicine')).toMatch(
      /^Both jobs Medicine graduates usually enter can be sponsored through the Health and Care Worker visa/,
    );
    expect(outlook('nursing')).toMatch(
      /Health and Care Worker visa, once you are registered with the Nursing and Midwifery Council \(NMC\) and paid on the national pay scale\.$/,
    );
    expect(outlook('others-in-psychology')).toMatch(/Health and Care Worker visa, paid on the national pay scale\.$/);
    expect(outlook('media-studies')).toMatch(/the going rates of .* are below the general £41,700 threshold/);
  });

  it('groups occupations about which the same is true, and adds the Health and Care Worker facts where they apply', () => {
    const nursing = factsOf('nursing');
    expect(nursing.filter((f) => f.id.startsWith('occupation:'))).toHaveLength(1);
    expect(nursing.find((f) => f.id.startsWith('occupation:'))!.id).toBe('occupation:2237,2232,2233,2234,2235,2236');
    const physio = factsOf('physiotherapy').map((f) => f.id);
    expect(physio).toEqual(
      expect.arrayContaining(['sw-health-care-threshold', 'ihs-health-care-exempt', 'regulator:physiotherapy:0']),
    );
    const law = factsOf('law');
    expect(law.filter((f) => f.id.startsWith('regulator:')).map((f) => f.statement.split(' registers')[0])).toEqual([
      'Solicitors Regulation Authority (SRA)',
      'Bar Standards Board (BSB)',
    ]);
    expect(factsOf('fashion-design').map((f) => f.id)).toContain('sw-tsl-mac-review');
    // Dental nurses (SOC 6133) are on the Health and Care Worker list but cannot be sponsored at all (RQF 3–5, on
    // neither shortage list): the route's pay and fee rules would be beside the point.
    const dental = factsOf('dental-nursing').map((f) => f.id);
    expect(dental).not.toContain('sw-health-care-threshold');
    expect(dental).not.toContain('sw-health-care-fee');
    expect(factsOf('optometry').map((f) => f.id)).toContain('sw-health-care-threshold');
  });

  it('states each occupation once: shared pay refers back, the lists sit in the first sentence', () => {
    const statement = (subject: string, soc: string): string =>
      factsOf(subject).find((f) => f.id === `occupation:${soc}`)!.statement;
    expect(statement('supply-chain-logistics', '1241')).toContain('Going rate £44,900 a year (£23.03 an hour)');
    expect(statement('supply-chain-logistics', '1243')).toMatch(/\. Same going and new-entrant rates as SOC 1241\.$/);
    expect(statement('optometry', '2252')).toMatch(
      /^SOC 2252 Optometrists: can be sponsored on a Skilled Worker visa \(degree level, RQF 6\+\); it is also on the Health and Care Worker visa list\. Pay is set by national pay scales/,
    );
    expect(statement('optometry', '3211')).toContain(
      'it cannot be sponsored for a new Skilled Worker visa; its code is on the Health and Care Worker visa list. Going rate £33,400',
    );
    expect(statement('music', '3416')).toMatch(
      /^SOC 3416 [^:]+: can be sponsored on a Skilled Worker visa \(degree level, RQF 6\+\), and is on the Immigration Salary List until 31 December 2026\. Going rate/,
    );
  });

  it('marks a medium-confidence occupation as unconfirmed in plain words', () => {
    const line = factsOf('pharmacy').find((f) => f.id === 'occupation:2251')!;
    expect(line.statement).toContain('Not confirmed by a second source for SOC 2251: check the official table.');
    const nursing = factsOf('nursing').find((f) => f.id.startsWith('occupation:'))!;
    expect(nursing.statement).toMatch(/^SOC 2237 [^:]+ and SOC 2236 [^:]+: each can be sponsored /);
    expect(nursing.statement).toContain('for SOC 2237, 2232, 2233, 2234, 2235 and 2236: check the official table.');
  });
});

describe('plainWords', () => {
  it.each([
    [
      'Going rate reported at £48,500 (third-party compilation; verify).',
      'Going rate reported at £48,500 (not confirmed).',
    ],
    [
      'Employer pay above the NLW is approximate (from memory).',
      'Employer pay above the NLW is approximate (not confirmed).',
    ],
    ['≈£15–£30/h (low confidence)', '≈£15–£30/h (not confirmed)'],
    ['Pay (low confidence; sources disagree).', 'Pay (not confirmed).'],
    [
      '≈£15–£30/h (low confidence). Agency pay is approximate (from memory).',
      '≈£15–£30/h (not confirmed). Agency pay is approximate.',
    ],
    [
      'Nepal is not in the Commonwealth (medium confidence; check the nationality rules).',
      'Nepal is not in the Commonwealth (not confirmed, check the nationality rules).',
    ],
    ['Part 1 ends in December 2027 (medium confidence).', 'Part 1 ends in December 2027 (not confirmed).'],
    ['NHS Band 2 is about £12.9/h in 2026/27 (derived)', 'NHS Band 2 is about £12.9/h in 2026/27'],
    ['A new-entrant rate (derived from a third-party note; verify).', 'A new-entrant rate (not confirmed).'],
    ['Rate (derived; verify).', 'Rate (not confirmed).'],
    [
      'City firms pay far more (NQ often £100k+, from memory).',
      'City firms pay far more (NQ often £100k+, not confirmed).',
    ],
    ['Schemes (going rate ≈£34,900, third-party).', 'Schemes (going rate ≈£34,900, not confirmed).'],
    ['£1,529 a month (£13,761 in all; our calculation)', '£1,529 a month (£13,761 in all)'],
    ['A plain sentence (with a bracket).', 'A plain sentence (with a bracket).'],
  ])('%j → %j', (text, plain) => {
    expect(plainWords(text)).toBe(plain);
  });
});
