import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { reportMarkdown, startGeminiStandIn, type GeminiStandIn } from './support/gemini-stand-in.js';
import { bearer, signUp } from './support/users.js';

describe('output safety end to end', () => {
  let database: Database;
  let gemini: GeminiStandIn;
  let t: TestApp;
  beforeAll(async () => {
    database = await testDatabase();
    gemini = await startGeminiStandIn();
    t = await buildTestApp(database, { GEMINI_API_KEY: 'k', GEMINI_API_BASE: gemini.baseUrl });
  });
  afterAll(async () => {
    await t.close();
    await database.close();
    await gemini.close();
  });

  it('stores model output without raw HTML, javascript:/data: links or links to other sites', async () => {
    const hostile = reportMarkdown([1, 2, 3]).replace(
      'Key point 1.',
      'Key point 1 <img src=x onerror=alert(1)> [click](javascript:alert(1)) [visa agent](https://visas-fast.example) ![p](data:image/png;base64,AAAA).',
    );
    gemini.script([{ kind: 'answer', markdown: hostile }]);
    const user = await signUp(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(user.token),
      payload: { subject: 'Nursing' },
    });
    const reportId = created.json<{ report: { report_id: string } }>().report.report_id;
    await t.app.generation.idle();
    const stored = await t.app.inject({ method: 'GET', url: `/reports/${reportId}`, headers: bearer(user.token) });
    expect(stored.json()).toMatchObject({ status: 'completed' });
    const content = JSON.stringify(stored.json<{ content: unknown }>().content);
    expect(content).toContain('Key point 1');
    expect(content).not.toMatch(/<img|onerror|javascript:|data:image|visas-fast\.example/);
  });

  it('stores a Markdown link typed as the subject as plain words', async () => {
    const user = await signUp(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(user.token),
      payload: { subject: '[Nursing](https://evil.example/phish)' },
    });
    if (created.statusCode === 201) {
      expect(created.json<{ report: { subject: string } }>().report.subject).not.toMatch(/evil|\]\(|\[/);
    } else {
      // The query rules may refuse it outright (markup is not a subject): then nothing is stored.
      expect(created.statusCode).toBeGreaterThanOrEqual(400);
    }
    await t.app.generation.idle();
    const { rows } = await database.query<{ subject: string }>('SELECT subject FROM reports WHERE user_id = $1', [
      user.userId,
    ]);
    expect(rows.every((row) => !/evil|\]\(/.test(row.subject))).toBe(true);
  });
});
