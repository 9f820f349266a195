import { describe, expect, it } from 'vitest';
import { retrieveForQuestion } from '../src/domain/follow-ups/retrieve-question.js';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { answerWriterFor } from '../src/plugins/app/follow-ups.js';
import { writerFor } from '../src/plugins/app/generation.js';
import { FOLLOW_UP_CASES } from './fixtures/follow-up-cases.js';
import { testConfig } from './support/app.js';

// Test apps are given unpaced offline writers (test/support/app.ts); these are the writers an app picks itself.
describe('the writers an app chooses from its config', () => {
  it.each([
    ['without GEMINI_API_KEY', {}, 'knowledge-base'],
    ['with GEMINI_API_KEY', { GEMINI_API_KEY: 'k' }, 'gemini'],
  ])('%s writes reports and answers with the %s writer', (_case, env, provider) => {
    const config = testConfig(env);
    expect(writerFor(config).provider).toBe(provider);
    expect(answerWriterFor(config).provider).toBe(provider);
  });

  it('paces its offline answers: at least a millisecond between two deltas', async () => {
    const { question, report } = FOLLOW_UP_CASES[0];
    const now = new Date('2026-12-01T12:00:00Z');
    const retrieval = retrieveForQuestion(loadKnowledgeBase(), question, report, now);
    const times: number[] = [];
    let streamed = '';
    const result = await answerWriterFor(testConfig()).answer({ question, report, retrieval, now }, (text) => {
      times.push(performance.now());
      streamed += text;
    });
    expect(streamed).toBe(result.answer);
    expect(times.length).toBeGreaterThan(1);
    expect(times.at(-1)! - times[0]).toBeGreaterThanOrEqual(times.length - 1);
  });
});
