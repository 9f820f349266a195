import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@uksmr/database';
import { orderFromMetadata, orderMetadata } from '../src/domain/payments/order.js';
import type { WriterInput } from '../src/domain/report/types.js';
import { createKnowledgeBaseWriter } from '../src/domain/writers/knowledge-base-writer/index.js';
import { buildTestApp, testDatabase, type TestApp } from './support/app.js';
import { parseSse } from './support/sse.js';
import { startStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.js';
import { bearer, signUp } from './support/users.js';

const NOW = new Date('2026-12-01T10:55:00Z');
const EMPTY = { level: null, intake: null, city: null, nationality: null };

let database: Database;
let t: TestApp;
let token: string;
const inputs: WriterInput[] = [];

beforeAll(async () => {
  database = await testDatabase();
  const writer = createKnowledgeBaseWriter();
  t = await buildTestApp(
    database,
    { REPORTS_PER_USER_PER_DAY: '50' },
    {
      clock: () => NOW,
      writer: { provider: writer.provider, write: (input, emit) => (inputs.push(input), writer.write(input, emit)) },
    },
  );
  token = (await signUp(t.app)).token;
});
afterAll(async () => {
  await t.close();
  await database.close();
});

async function create(payload: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/reports', headers: bearer(token), payload });
}

describe('POST /reports: the profile', () => {
  it('reads the profile out of the words, stores it and returns it on every Report', async () => {
    const response = await create({ subject: 'MSc Data Science in London from September 2027, I am Indian' });
    expect(response.statusCode).toBe(201);
    const { report } = response.json<{ report: { report_id: string; profile: unknown } }>();
    const profile = { level: 'postgraduate_taught', intake: '2027-09', city: 'London', nationality: 'IN' };
    expect(report.profile).toEqual(profile);
    await t.app.generation.idle();

    const got = await t.app.inject({ method: 'GET', url: `/reports/${report.report_id}`, headers: bearer(token) });
    expect(got.json()).toMatchObject({ status: 'completed', profile });
    for (const view of ['full', 'summary']) {
      const list = await t.app.inject({ method: 'GET', url: `/reports?view=${view}`, headers: bearer(token) });
      const found = list
        .json<{ reports: { report_id: string; profile: unknown }[] }>()
        .reports.find((r) => r.report_id === report.report_id);
      expect(found?.profile).toEqual(profile);
    }
    const stream = await t.app.inject({
      method: 'GET',
      url: `/reports/${report.report_id}/stream`,
      headers: bearer(token),
    });
    const complete = parseSse(stream.body).find((event) => event.event === 'complete');
    expect(complete?.data).toMatchObject({ report: { profile } });

    // The writer gets the resolved subject id and the profile; retrieval used the stored id; the summary is theirs.
    const input = inputs.find((candidate) => candidate.profile?.city === 'London');
    expect(input).toMatchObject({ subjectId: 'data-science', profile });
    expect(input?.retrieval.mapEntry?.id).toBe('data-science');
    const summary = got.json<{ content: { executive_summary: string[] } }>().content.executive_summary.join('\n');
    expect(summary).toMatch(/\*\*Your Graduate visa:\*\*[^\n]*lasts 18 months/);
    expect(summary).toContain('**Money to show for living costs (London):** £13,761');
  });

  it('lets explicit fields win over the words, and leaves unknown parts null', async () => {
    const explicit = await create({
      subject: 'BSc nursing Jan 2028 in Leeds',
      level: 'postgraduate_taught',
      intake: '2027-09',
      nationality: 'np',
    });
    expect(explicit.json<{ report: { profile: unknown } }>().report.profile).toEqual({
      level: 'postgraduate_taught',
      intake: '2027-09',
      city: 'Leeds',
      nationality: 'NP',
    });
    const bare = await create({ subject: 'Nursing', city: 'Not sure' });
    expect(bare.json<{ report: { profile: unknown } }>().report.profile).toEqual(EMPTY);
    await t.app.generation.idle();
  });

  it.each([
    [{ subject: 'Nursing', intake: '2026-11' }, 'intake'],
    [{ subject: 'Nursing', intake: '2030-01' }, 'intake'],
    [{ subject: 'Nursing', intake: 'next year' }, 'intake'],
    [{ subject: 'Nursing', level: 'foundation' }, 'level'],
    [{ subject: 'Nursing', city: 'Sydney' }, 'city'],
    [{ subject: 'Nursing', nationality: 'CN' }, 'nationality'],
    [{ subject: 'Nursing', level: 3 }, 'level'],
  ])('refuses %j with 400 VALIDATION_ERROR naming %s, and stores nothing', async (payload, field) => {
    const before = (await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) })).json<{
      total: number;
    }>().total;
    const response = await create(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(response.json<{ detail: string }>().detail).toContain(field);
    const after = (await t.app.inject({ method: 'GET', url: '/reports', headers: bearer(token) })).json<{
      total: number;
    }>().total;
    expect(after).toBe(before);
  });

  it('documents the profile in OpenAPI', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      components?: { schemas?: Record<string, unknown> };
    }>();
    expect(JSON.stringify(spec)).toContain('What the report was written for');
  });
});

describe('POST /reports with payments on: the profile travels through Stripe to fulfilment', () => {
  let stripe: StripeStandIn;
  let paid: TestApp;

  beforeAll(async () => {
    stripe = await startStripeStandIn();
    paid = await buildTestApp(database, stripe.env({}), { clock: () => NOW });
  });
  afterAll(async () => {
    await paid.close();
    await stripe.close();
  });

  it('puts the subject id and profile in the session metadata and creates the report with them', async () => {
    const student = await signUp(paid.app);
    const response = await paid.app.inject({
      method: 'POST',
      url: '/reports',
      headers: bearer(student.token),
      payload: { subject: 'PhD in chemistry at Edinburgh', intake: '2028-01', nationality: 'BD' },
    });
    expect(response.statusCode).toBe(200);
    const { session_id } = response.json<{ session_id: string }>();
    const metadata = {
      user_id: student.userId,
      subject: expect.any(String),
      level: 'postgraduate_research',
      intake: '2028-01',
      city: 'Edinburgh',
      nationality: 'BD',
      country: 'UK',
    };
    expect(stripe.requests.at(-1)?.params).toMatchObject({ metadata, payment_intent_data: { metadata } });

    stripe.pay(session_id);
    expect(
      (await stripe.deliver(paid.app, stripe.sessionEvent('checkout.session.completed', session_id))).statusCode,
    ).toBe(200);
    await paid.app.generation.idle();
    const status = (
      await paid.app.inject({ method: 'GET', url: `/payments/${session_id}`, headers: bearer(student.token) })
    ).json<{ report_id: string }>();
    const report = await paid.app.inject({
      method: 'GET',
      url: `/reports/${status.report_id}`,
      headers: bearer(student.token),
    });
    expect(report.json()).toMatchObject({
      status: 'completed',
      profile: { level: 'postgraduate_research', intake: '2028-01', city: 'Edinburgh', nationality: 'BD' },
    });
  });
});

describe('the order in payment metadata', () => {
  it('round-trips, and reads an old payment with only a subject', () => {
    const order = {
      subject: 'Law',
      subjectId: 'law',
      profile: { level: 'undergraduate', intake: '2027-09', city: 'Leeds', nationality: 'PK' },
    } as const;
    expect(orderFromMetadata(orderMetadata(order), 'p1')).toEqual(order);
    expect(orderFromMetadata({ subject: 'Law', country: 'UK' }, 'p2')).toEqual({
      subject: 'Law',
      subjectId: null,
      profile: EMPTY,
    });
  });

  it('drops values outside their lists and refuses a payment without a subject', () => {
    expect(
      orderFromMetadata({ subject: 'Law', level: 'diploma', intake: 'soon', nationality: 'US', city: '' }, 'p3')
        .profile,
    ).toEqual(EMPTY);
    expect(() => orderFromMetadata({ country: 'UK' }, 'p4')).toThrow('payment p4 has no subject');
  });
});
