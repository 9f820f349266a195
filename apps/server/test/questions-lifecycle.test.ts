import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { runRetention } from '../src/domain/retention.js';
import { runAnswerSweep } from '../src/plugins/app/follow-ups.js';
import { createKnowledgeBaseWriter } from '../src/domain/writers/knowledge-base-writer/index.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { startGeminiStandIn, type GenerateRequestBody, type GeminiStandIn } from './support/gemini-stand-in.js';
import { parseSse } from './support/sse.js';
import { bearer, signUp } from './support/users.js';

const DAY_MS = 24 * 60 * 60 * 1000;

let database: Database;
let standIn: GeminiStandIn;
let t: TestApp;
let alice: { token: string; userId: string };

/** A grounded stand-in model: it answers with the first fact it was given and its markers. */
function grounded(body: GenerateRequestBody | null): string {
  const system = body?.systemInstruction?.parts.map((p) => p.text ?? '').join('') ?? '';
  const [, marks, statement] =
    /^- \S+ ((?:\[\d+\])+): (.+?)(?: \((?:in force|ends|not fully)[^)]*\))?$/m.exec(system) ?? [];
  return `${statement} ${marks}`;
}

beforeAll(async () => {
  database = await testDatabase(process.env.TEST_DATABASE_URL);
  standIn = await startGeminiStandIn({ defaultScenario: { kind: 'answer', reply: grounded } });
  // Reports are written offline (the writer given); follow-up answers go to Gemini (the stand-in).
  t = await buildTestApp(
    database,
    { GEMINI_API_KEY: 'test-key', GEMINI_API_BASE: standIn.baseUrl },
    { writer: createKnowledgeBaseWriter({ deltaDelayMs: 0 }) },
  );
  alice = await signUp(t.app);
});
afterAll(async () => {
  await t.close();
  await standIn.close();
  await database.close();
});

async function completedReport(): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/reports',
    headers: bearer(alice.token),
    payload: { subject: 'MSc Data Science in Manchester' },
  });
  expect(created.statusCode).toBe(201);
  await t.app.generation.idle();
  return created.json<{ report: { report_id: string } }>().report.report_id;
}

async function askAndWait(reportId: string, text: string): Promise<string> {
  const asked = await t.app.inject({
    method: 'POST',
    url: `/reports/${reportId}/questions`,
    headers: bearer(alice.token),
    payload: { text },
  });
  expect(asked.statusCode).toBe(201);
  await t.app.answers.idle();
  return asked.json<{ question: { question_id: string } }>().question.question_id;
}

describe('answers with the Gemini writer, and their lifecycle with the report', () => {
  it('answers through Gemini once; reopening the stream and the list replays storage without calling the AI again', async () => {
    const reportId = await completedReport();
    const before = standIn.requests.length;
    const questionId = await askAndWait(reportId, 'How many hours can I work during term?');
    expect(standIn.requests.length).toBe(before + 1);
    const url = `/reports/${reportId}/questions/${questionId}/stream`;
    const first = parseSse((await t.app.inject({ method: 'GET', url, headers: bearer(alice.token) })).body);
    const second = parseSse((await t.app.inject({ method: 'GET', url, headers: bearer(alice.token) })).body);
    expect(first.map((e) => e.event)).toEqual(['status', 'delta', 'complete']);
    expect(second).toEqual(first);
    const question = first[2].data.question as {
      answer: string;
      citations: { id: number }[];
      generation_metadata: { provider: string };
    };
    expect(question.generation_metadata.provider).toBe('gemini');
    expect(question.answer).toMatch(/hours?.*\[\d+\]/);
    expect(question.citations.length).toBeGreaterThan(0);
    await t.app.inject({ method: 'GET', url: `/reports/${reportId}/questions`, headers: bearer(alice.token) });
    expect(standIn.requests.length).toBe(before + 1);
  });

  it('streams an answer live to a reader that attached while it was being written', async () => {
    const reportId = await completedReport();
    standIn.script([{ kind: 'answer', reply: grounded, chunkSize: 12, firstChunkDelayMs: 150, chunkDelayMs: 15 }]);
    const asked = await t.app.inject({
      method: 'POST',
      url: `/reports/${reportId}/questions`,
      headers: bearer(alice.token),
      payload: { text: 'Can I work as a Deliveroo rider?' },
    });
    const { question_id: questionId } = asked.json<{ question: { question_id: string } }>().question;
    const stream = await t.app.inject({
      method: 'GET',
      url: `/reports/${reportId}/questions/${questionId}/stream`,
      headers: bearer(alice.token),
    });
    const events = parseSse(stream.body);
    expect(['pending', 'answering']).toContain(events[0].data.status);
    const deltas = events.filter((e) => e.event === 'delta').map((e) => String(e.data.text));
    expect(deltas.length).toBeGreaterThan(1);
    const complete = events.at(-1)!;
    expect(complete.event).toBe('complete');
    expect(deltas.join('')).toBe((complete.data.question as { answer: string }).answer);
    await t.app.answers.idle();
  });

  it('the sweep fails an answer abandoned in answering (its instance died), telling its readers', async () => {
    const reportId = await completedReport();
    const { rows } = await database.query<{ question_id: string }>(
      `INSERT INTO report_questions (report_id, user_id, text, status, started_at) VALUES ($1, $2, 'Stuck?', 'answering', now() - interval '1 day') RETURNING question_id`,
      [reportId, alice.userId],
    );
    await runAnswerSweep(t.app);
    const events = parseSse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/reports/${reportId}/questions/${rows[0].question_id}/stream`,
          headers: bearer(alice.token),
        })
      ).body,
    );
    expect(events.map((e) => e.event)).toEqual(['status', 'error']);
    expect(events[1].data).toMatchObject({ code: 'ANSWER_FAILED' });
  });

  it('stores a failed answer as failed (not counted), with an error event, when Gemini fails', async () => {
    const reportId = await completedReport();
    standIn.script([{ kind: 'status', status: 400 }]);
    const questionId = await askAndWait(reportId, 'Can my wife come with me?');
    const events = parseSse(
      (
        await t.app.inject({
          method: 'GET',
          url: `/reports/${reportId}/questions/${questionId}/stream`,
          headers: bearer(alice.token),
        })
      ).body,
    );
    expect(events.map((e) => e.event)).toEqual(['status', 'error']);
    expect(events[1].data).toMatchObject({ code: 'ANSWER_FAILED' });
    const list = await t.app.inject({
      method: 'GET',
      url: `/reports/${reportId}/questions`,
      headers: bearer(alice.token),
    });
    expect(list.json()).toMatchObject({
      questions: [{ status: 'failed', answer: null }],
      remaining: t.config.followUpsPerReport,
    });
  });

  it('hides the questions when the report expires, and the retention job erases them with it', async () => {
    const reportId = await completedReport();
    const questionId = await askAndWait(reportId, 'How much is the health surcharge?');
    const count = async (): Promise<number> =>
      (
        await database.query<{ n: number }>('SELECT count(*)::int AS n FROM report_questions WHERE report_id = $1', [
          reportId,
        ])
      ).rows[0].n;
    expect(await count()).toBe(1);
    // The retention jobs run as of a later day (the app's own clock stays: sessions live 15 minutes).
    expect(
      (await runRetention('expire-reports', t.app.repos, new Date(Date.now() + 31 * DAY_MS))).count,
    ).toBeGreaterThan(0);
    for (const url of [`/reports/${reportId}/questions`, `/reports/${reportId}/questions/${questionId}/stream`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: bearer(alice.token) })).statusCode).toBe(404);
    }
    const asked = await t.app.inject({
      method: 'POST',
      url: `/reports/${reportId}/questions`,
      headers: bearer(alice.token),
      payload: { text: 'Can I work?' },
    });
    expect(asked.statusCode).toBe(404);
    expect(await count()).toBe(1);
    expect(
      (await runRetention('delete-expired-reports', t.app.repos, new Date(Date.now() + 91 * DAY_MS))).count,
    ).toBeGreaterThan(0);
    expect(await count()).toBe(0);
    const events = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM question_events WHERE question_id = $1',
      [questionId],
    );
    expect(events.rows[0].n).toBe(0);
  });

  it('hides the questions of a report its owner deletes', async () => {
    const reportId = await completedReport();
    await askAndWait(reportId, 'What is a CAS?');
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/reports/${reportId}`, headers: bearer(alice.token) })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: `/reports/${reportId}/questions`, headers: bearer(alice.token) }))
        .statusCode,
    ).toBe(404);
  });
});
