import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { plainText, safeContent, safeMarkdown } from '../src/domain/report/output-safety.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { reportMarkdown, startGeminiStandIn, type GeminiStandIn } from './support/gemini-stand-in.js';
import { bearer, signUp } from './support/users.js';

const SOURCES = new Set(['https://www.gov.uk/student-visa']);

describe('plainText (the subject)', () => {
  it.each([
    ['Nursing', 'Nursing'],
    ['Accounting & Finance', 'Accounting & Finance'],
    ['MSc Data Science (part-time)', 'MSc Data Science (part-time)'],
    ['[Nursing](https://evil.example/phish)', 'Nursing'],
    ['![x](https://evil.example/pixel.png) Law', 'x Law'],
    ['<script>alert(1)</script>Nursing', 'alert(1) Nursing'],
    ['**Law** _now_ `code` # heading', 'Law now code heading'],
    ['<img src=x onerror=alert(1)>', ''],
  ])('%j → %j', (input, output) => {
    expect(plainText(input)).toBe(output);
  });
});

describe('safeMarkdown (model output)', () => {
  it.each([
    ['Apply early <b>now</b> [1].', 'Apply early now [1].'],
    ['<script>alert(1)</script>Text', 'alert(1)Text'],
    ['<img src=x onerror=alert(1)>Text <!-- hidden -->', 'Text '],
    ['See [the visa page](https://www.gov.uk/student-visa).', 'See [the visa page](https://www.gov.uk/student-visa).'],
    ['Click [here](javascript:alert(1)) now', 'Click here now'],
    ['A [pixel](data:text/html;base64,PHNjcmlwdD4=) here', 'A pixel here'],
    ['Visit [this site](https://visas-fast.example/apply "Fast")!', 'Visit this site!'],
    ['![tracker](https://www.gov.uk/student-visa)', 'tracker'],
    ['Text\n[1]: https://evil.example\nMore', 'Text\n\nMore'],
    ['Cited twice [1][2].', 'Cited twice [1][2].'],
  ])('%j → %j', (input, output) => {
    expect(safeMarkdown(input, SOURCES)).toBe(output);
  });

  it('walks nested content and leaves other values alone', () => {
    expect(safeContent({ a: ['<i>x</i>', { b: '[y](javascript:z)' }], n: 3, none: null }, SOURCES)).toEqual({ a: ['x', { b: 'y' }], n: 3, none: null });
  });
});

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
    const created = await t.app.inject({ method: 'POST', url: '/reports', headers: bearer(user.token), payload: { subject: 'Nursing' } });
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
    const { rows } = await database.query<{ subject: string }>('SELECT subject FROM reports WHERE user_id = $1', [user.userId]);
    expect(rows.every((row) => !/evil|\]\(/.test(row.subject))).toBe(true);
  });
});
