import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { bearer, signUp } from './support/users.js';
import { PROFILE_CASES, PROFILE_TODAY } from './fixtures/profile-cases.js';

let database: Database;
let t: TestApp;
let token: string;

beforeAll(async () => {
  database = await testDatabase();
  t = await buildTestApp(
    database,
    { RATE_LIMIT_REQUESTS_PER_MINUTE: '1000' },
    { clock: () => new Date(`${PROFILE_TODAY}T10:55:00Z`) },
  );
  token = (await signUp(t.app)).token;
});
afterAll(async () => {
  await t.close();
  await database.close();
});

type QueryBody = Record<string, unknown> & { questions: { field: string; prompt: string; options: string[] }[] };

async function ask(payload: Record<string, unknown>, auth = true) {
  return t.app.inject({ method: 'POST', url: '/queries', headers: auth ? bearer(token) : {}, payload });
}

describe('POST /queries', () => {
  it('reads the issue’s example into the contract’s shape and asks only what is left', async () => {
    const response = await ask({ text: 'MSc Data Science in London from September 2027' });
    expect(response.statusCode).toBe(200);
    const body = response.json<QueryBody>();
    expect(Object.keys(body).sort()).toEqual(
      [
        'city',
        'coverage',
        'coverage_note',
        'intake',
        'level',
        'nationality',
        'questions',
        'subject',
        'subject_id',
      ].sort(),
    );
    expect(body).toMatchObject({ level: 'postgraduate_taught', intake: '2027-09', city: 'London', nationality: null });
    expect(typeof body.subject).toBe('string');
    expect(body.questions).toEqual([]);
  });

  it('asks the intake with the next three intakes, the level and London or not, each with "Not sure"', async () => {
    const body = (await ask({ text: 'Nursing' })).json<QueryBody>();
    expect(body).toMatchObject({
      subject: 'Nursing',
      subject_id: 'nursing',
      coverage: 'detailed',
      level: null,
      intake: null,
    });
    expect(body.coverage_note).toMatch(/^The report covers Nursing in depth/);
    expect(body.questions).toEqual([
      {
        field: 'intake',
        prompt: expect.stringContaining('When does your course start?'),
        options: ['2027-01', '2027-09', '2028-01', 'Not sure'],
      },
      {
        field: 'level',
        prompt: expect.stringContaining('undergraduate'),
        options: ['undergraduate', 'postgraduate_taught', 'postgraduate_research', 'Not sure'],
      },
      { field: 'city', prompt: expect.stringContaining('London'), options: ['London', 'Outside London', 'Not sure'] },
    ]);
  });

  it('offers the named year’s intakes for "next year" and says when a named month is out of range', async () => {
    const nextYear = (await ask({ text: 'MBA next year' })).json<QueryBody>();
    expect(nextYear.questions[0]).toMatchObject({ field: 'intake', options: ['2027-01', '2027-09', 'Not sure'] });
    const past = (await ask({ text: 'Nursing September 2025' })).json<QueryBody>();
    expect(past.questions[0]?.prompt).toContain('September 2025 is in the past');
  });

  it('says the knowledge base’s coverage: occupations for a map entry, general for a parent group', async () => {
    const history = (await ask({ text: 'History' })).json<QueryBody>();
    expect(history).toMatchObject({ coverage: 'occupations' });
    expect(history.coverage_note).toMatch(/^For History/);
    const photography = (await ask({ text: 'Photography' })).json<QueryBody>();
    expect(photography).toMatchObject({ subject_id: 'film', coverage: 'general' });
    expect(photography.coverage_note).toContain('nearest group, Film (Production and Studies)');
    // A residual group ("Others in psychology") is named in the student's own words, never as HESA's heading.
    const cognitive = (await ask({ text: 'MSc Cognitive Psychology' })).json<QueryBody>();
    expect(cognitive).toMatchObject({ subject: 'MSc Cognitive Psychology', subject_id: 'others-in-psychology' });
    expect(cognitive.coverage_note).toMatch(/^For Cognitive Psychology, the report covers/);
  });

  it('lets explicit fields win over the words and treats "Not sure" as not given', async () => {
    const body = (
      await ask({
        text: 'BSc nursing Jan 2028 in Leeds',
        level: 'postgraduate_taught',
        intake: '2027-09',
        city: 'London',
        nationality: 'NP',
      })
    ).json<QueryBody>();
    expect(body).toMatchObject({
      level: 'postgraduate_taught',
      intake: '2027-09',
      city: 'London',
      nationality: 'NP',
      questions: [],
    });
    const unsure = (await ask({ text: 'Nursing', intake: 'Not sure', level: null })).json<QueryBody>();
    expect(unsure.intake).toBeNull();
    expect(unsure.questions.map((question) => question.field)).toEqual(['intake', 'level', 'city']);
  });

  it.each([
    [{ text: 'Computer Science in Canada' }, 422, 'UK_ONLY', 'subject'],
    [{ text: 'Law, Medicine' }, 422, 'MULTIPLE_SUBJECTS', 'subject'],
    [{ text: 'Nursing in the UK or Australia' }, 422, 'MULTIPLE_COUNTRIES', 'subject'],
    [{ text: 'Law', country: 'Ireland' }, 422, 'UK_ONLY', 'country'],
    [{ text: '  ' }, 400, 'VALIDATION_ERROR', 'subject'],
    [{ text: 'Nursing', intake: '2026-11' }, 400, 'VALIDATION_ERROR', 'intake'],
    [{ text: 'Nursing', intake: '2030-01' }, 400, 'VALIDATION_ERROR', 'intake'],
    [{ text: 'Nursing', intake: 'Sept 2027' }, 400, 'VALIDATION_ERROR', 'intake'],
    [{ text: 'Nursing', level: 'diploma' }, 400, 'VALIDATION_ERROR', 'level'],
    [{ text: 'Nursing', city: 'Toronto' }, 400, 'VALIDATION_ERROR', 'city'],
    [{ text: 'Nursing', nationality: 'FR' }, 400, 'VALIDATION_ERROR', 'nationality'],
    [{ text: 'Nursing', extra: true }, 400, 'VALIDATION_ERROR', 'extra'],
    [{}, 400, 'VALIDATION_ERROR', 'text'],
  ] as const)('refuses %j with %i %s', async (payload, status, code, field) => {
    const response = await ask(payload);
    expect(response.statusCode).toBe(status);
    const body = response.json<Record<string, string>>();
    expect(body).toMatchObject({ code, request_id: response.headers['x-request-id'] });
    if (code === 'UK_ONLY') expect(body.detail).toBe('This MVP currently supports the UK only.');
    if (code === 'VALIDATION_ERROR' && field !== 'subject') expect(body.detail).toContain(field);
  });

  it('needs a signed-in student and stores nothing', async () => {
    expect((await ask({ text: 'Nursing' }, false)).statusCode).toBe(401);
    const before = await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) });
    await ask({ text: 'Nursing' });
    const after = await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) });
    expect(after.json<{ total: number }>().total).toBe(before.json<{ total: number }>().total);
  });

  it('is rate limited like every route', async () => {
    const limited = await buildTestApp(database, { RATE_LIMIT_REQUESTS_PER_MINUTE: '2' });
    try {
      const student = await signUp(limited.app);
      const codes: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        codes.push(
          (
            await limited.app.inject({
              method: 'POST',
              url: '/queries',
              headers: bearer(student.token),
              payload: { text: 'Nursing' },
            })
          ).statusCode,
        );
      }
      expect(codes.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(spec.paths['/queries']).toBeDefined();
  });
});

/**
 * The phrasings of the profile table that name no single subject in the UK, each with the refusal `/queries` must
 * give (the profile words are read, but there is nothing to report on): every other phrasing is answered 200.
 */
const REFUSED_PHRASINGS: Readonly<Record<string, string>> = {
  'reading and writing': 'NOT_A_SUBJECT',
  'I am from Dhaka': 'NOT_A_SUBJECT',
  'national of Nepal, PhD': 'NOT_A_SUBJECT',
  'march to a PhD': 'NOT_A_SUBJECT',
  'nursing in India or the UK': 'MULTIPLE_COUNTRIES',
};

describe('POST /queries: the phrasings table', () => {
  it('answers at least 60 phrasings with the profile the words give, and the questions that profile leaves', async () => {
    const answered: string[] = [];
    const mismatched: string[] = [];
    const refused: Record<string, string> = {};
    for (const testCase of PROFILE_CASES) {
      const response = await ask({ text: testCase.text });
      if (response.statusCode !== 200) {
        expect(response.statusCode).toBe(422);
        refused[testCase.text] = response.json<{ code: string }>().code;
        continue;
      }
      answered.push(testCase.text);
      const body = response.json<QueryBody>();
      const { intakeYear: _year, ...expected } = testCase.expected;
      const profile = { level: null, intake: null, city: null, nationality: null, ...expected };
      const asked = ['intake', 'level', 'city'].filter((field) => profile[field as keyof typeof profile] === null);
      const got = { level: body.level, intake: body.intake, city: body.city, nationality: body.nationality };
      if (
        JSON.stringify(got) !== JSON.stringify(profile) ||
        JSON.stringify(body.questions.map((q) => q.field)) !== JSON.stringify(asked)
      ) {
        mismatched.push(`${testCase.text}: ${JSON.stringify(got)}`);
      }
    }
    console.info(
      `POST /queries: ${answered.length}/${PROFILE_CASES.length} phrasings answered 200, ${answered.length - mismatched.length} with the expected profile`,
    );
    expect(mismatched).toEqual([]);
    expect(refused).toEqual(REFUSED_PHRASINGS);
    expect(answered.length).toBeGreaterThanOrEqual(60);
  });
});
