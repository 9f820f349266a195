import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { SentSections } from '../src/domain/generation/follow.js';
import { sectionMarkdown } from '../src/domain/report/render.js';
import { SECTIONS } from '../src/domain/report/sections.js';
import type { ReportContent } from '../src/domain/report/types.js';
import { buildTestApp, type TestApp } from './support/app.js';
import { startGeminiStandIn, type GeminiStandIn } from './support/gemini-stand-in.js';
import { backends, sharedDatabases, throwawayPostgres } from './support/postgres.js';
import { parseSse, type SseEvent } from './support/sse.js';
import { bearer, signUp } from './support/users.js';

for (const { name, url: serverUrl, skip } of backends)
  describe.skipIf(skip)(`report lifecycle on ${name}`, () => {
    let gemini: GeminiStandIn;
    let databases: Database[];
    let drop: (() => Promise<void>) | undefined;
    let a: TestApp;
    let b: TestApp;
    let user: { token: string; userId: string };

    beforeAll(async () => {
      gemini = await startGeminiStandIn({ defaultScenario: { kind: 'answer', chunkSize: 60, chunkDelayMs: 15 } });
      const throwaway = serverUrl ? await throwawayPostgres(serverUrl) : undefined;
      drop = throwaway ? () => throwaway.drop() : undefined;
      databases = await sharedDatabases(throwaway?.url, 2);
      const env = { GEMINI_API_KEY: 'test-key', GEMINI_API_BASE: gemini.baseUrl, GEMINI_TIMEOUT_MS: '20000' };
      a = await buildTestApp(databases[0], env);
      b = await buildTestApp(databases[1], env);
      user = await signUp(a.app);
    });
    afterAll(async () => {
      await a.close();
      await b.close();
      for (const database of new Set(databases)) await database.close();
      await drop?.();
      await gemini.close();
    });

    /** Creates a report on instance A. */
    async function create(subject = 'Computer Science'): Promise<string> {
      const response = await a.app.inject({
        method: 'POST',
        url: '/reports',
        headers: bearer(user.token),
        payload: { subject },
      });
      expect(response.statusCode).toBe(201);
      return response.json<{ report: { report_id: string } }>().report.report_id;
    }

    /** Reads the whole stream of a report from `app`. */
    async function stream(t: TestApp, reportId: string): Promise<SseEvent[]> {
      const response = await t.app.inject({
        method: 'GET',
        url: `/reports/${reportId}/stream`,
        headers: bearer(user.token),
      });
      expect(response.statusCode).toBe(200);
      return parseSse(response.body);
    }

    it('streams on instance B a report created and written on instance A', async () => {
      const reportId = await create();
      const events = await stream(b, reportId);
      expect(events[0].event).toBe('status');
      const sections = events.filter((e) => e.event === 'section').map((e) => e.data.key);
      expect(sections).toEqual(SECTIONS.map((s) => s.key));
      expect(events.filter((e) => e.event === 'delta').length).toBeGreaterThan(sections.length);
      expect(events.at(-1)).toMatchObject({
        event: 'complete',
        data: { report: { report_id: reportId, status: 'completed' } },
      });
      await a.app.generation.idle();
      expect(b.logs.some((l) => l.msg === 'generation started')).toBe(false);
      // On a PostgreSQL server each instance listens (NOTIFY brings the events); on PGlite readers poll.
      expect(b.app.reportHub.listening).toBe(serverUrl !== undefined);
      // Once stored, the report replaces its progress rows: only the terminal row is left.
      expect((await a.app.repos.reportEvents.listAfter(reportId, 0)).map((e) => e.event)).toEqual(['complete']);
    });

    it('lets two readers on two instances follow one generation, which runs once', async () => {
      const reportId = await create('Nursing');
      const [onA, onB] = await Promise.all([stream(a, reportId), stream(b, reportId)]);
      for (const events of [onA, onB]) {
        expect(events.at(-1)!.event).toBe('complete');
        expect(events.filter((e) => e.event === 'section')).toHaveLength(10);
      }
      await a.app.generation.idle();
      const started = [...a.logs, ...b.logs].filter((l) => l.msg === 'generation started' && l.report_id === reportId);
      expect(started).toHaveLength(1);
    });

    it('sends a reader that missed progress rows (deleted once stored) what it missed, from the stored report', async () => {
      const reportId = await create('Law');
      await a.app.generation.idle();
      const row = (await a.app.repos.reports.getForOwner(user.userId, reportId))!;
      const content = row.content as ReportContent;
      const summary = sectionMarkdown(content, 'executive_summary');
      const sent = new SentSections();
      sent.record({ event: 'section', data: { key: 'executive_summary', title: SECTIONS[0].title } });
      sent.record({ event: 'delta', data: { key: 'executive_summary', text: summary.slice(0, 10) } });
      const missed = [...sent.catchUp(row)];
      expect(missed[0]).toEqual({ event: 'delta', data: { key: 'executive_summary', text: summary.slice(10) } });
      expect(missed.filter((e) => e.event === 'section').map((e) => e.data.key)).toEqual(
        SECTIONS.slice(1).map((s) => s.key),
      );
      const all = new SentSections();
      for (const section of SECTIONS) {
        all.record({ event: 'section', data: { key: section.key, title: section.title } });
        all.record({ event: 'delta', data: { key: section.key, text: sectionMarkdown(content, section.key) } });
      }
      expect([...all.catchUp(row)]).toEqual([]);
    });

    it('claims a report exactly once when both instances try', async () => {
      const report = await a.app.repos.reports.create({ userId: user.userId, subject: 'Law' });
      const outcomes = await Promise.all([
        a.app.generation.run(report.reportId),
        b.app.generation.run(report.reportId),
      ]);
      expect(outcomes.sort()).toEqual(['completed', 'not-claimed']);
    });

    it('keeps generating when the reader disconnects, and replays it on reconnect', async () => {
      const reportId = await create('Data Science');
      const address = await a.app.listen({ port: 0, host: '127.0.0.1' });
      const controller = new AbortController();
      const response = await fetch(`${address}/reports/${reportId}/stream`, {
        headers: bearer(user.token),
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value)).toContain('event: status');
      controller.abort();
      await a.app.generation.idle();
      const events = await stream(b, reportId);
      expect(events[0]).toEqual({ event: 'status', data: { status: 'completed' } });
      expect(events.at(-1)!.event).toBe('complete');
    });

    it('generates a report whose worker died again once, then fails it (and tells its reader) if it dies again', async () => {
      const report = await a.app.repos.reports.create({ userId: user.userId, subject: 'Pharmacy' });
      const abandon = async (): Promise<void> => {
        expect(await a.app.repos.reports.claim(report.reportId)).not.toBeNull(); // claimed, then the "instance" dies
        await databases[0].query(`UPDATE reports SET started_at = now() - interval '10 minutes' WHERE report_id = $1`, [
          report.reportId,
        ]);
      };
      await abandon();
      // First time: back to pending and generated again, not failed and refunded.
      expect((await b.app.repos.reports.requeueStale(new Date())).map((r) => r.reportId)).toEqual([report.reportId]);
      await b.app.repos.reportEvents.append(report.reportId, 'status', { status: 'pending', requeued: true });
      // Second time: failed, through the sweeper, and the reader is told.
      await abandon();
      const reading = stream(b, report.reportId);
      expect(await b.app.generation.sweepStale()).toBe(1);
      const events = await reading;
      expect(events.at(-1)).toMatchObject({ event: 'error', data: { code: 'GENERATION_FAILED' } });
      const stored = await a.app.inject({
        method: 'GET',
        url: `/reports/${report.reportId}`,
        headers: bearer(user.token),
      });
      expect(stored.json()).toMatchObject({ status: 'failed' });
      expect(String(stored.json<{ error_message: string }>().error_message)).not.toMatch(/stack|Error:|gemini/i);
    });

    it('the sweeper generates an abandoned report again and it completes', async () => {
      const report = await a.app.repos.reports.create({ userId: user.userId, subject: 'Nursing' });
      expect(await a.app.repos.reports.claim(report.reportId)).not.toBeNull();
      await databases[0].query(`UPDATE reports SET started_at = now() - interval '10 minutes' WHERE report_id = $1`, [
        report.reportId,
      ]);
      expect(await b.app.generation.sweepStale()).toBe(0);
      await b.app.generation.idle();
      const stored = await a.app.inject({
        method: 'GET',
        url: `/reports/${report.reportId}`,
        headers: bearer(user.token),
      });
      expect(stored.json()).toMatchObject({ status: 'completed' });
      expect(
        b.logs.some((l) => l.msg === 'abandoned generation started again' && l.report_id === report.reportId),
      ).toBe(true);
    });

    it('restarts a report left pending by an instance that died before starting it', async () => {
      const report = await a.app.repos.reports.create({ userId: user.userId, subject: 'Architecture' });
      await databases[0].query(`UPDATE reports SET created_at = now() - interval '5 minutes' WHERE report_id = $1`, [
        report.reportId,
      ]);
      expect(await b.app.generation.restartPending()).toBe(1);
      await b.app.generation.idle();
      const stored = await a.app.inject({
        method: 'GET',
        url: `/reports/${report.reportId}`,
        headers: bearer(user.token),
      });
      expect(stored.json()).toMatchObject({ status: 'completed' });
      expect(b.logs.some((l) => l.msg === 'pending report restarted by the sweeper')).toBe(true);
    });

    it('fails a report when the model fails, with a message a student understands', async () => {
      gemini.script([
        { kind: 'status', status: 500 },
        { kind: 'status', status: 500 },
      ]);
      const reportId = await create('Psychology');
      const events = await stream(a, reportId);
      expect(events.at(-1)!.event).toBe('error');
      const detail = String(events.at(-1)!.data.detail);
      expect(detail.length).toBeGreaterThan(10);
      expect(detail).not.toMatch(/500|Internal|stack/);
      expect(a.logs.some((l) => l.msg === 'generation failed' && l.report_id === reportId)).toBe(true);
    });
  });
