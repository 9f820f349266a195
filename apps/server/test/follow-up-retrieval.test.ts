import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import { FACTS_PER_ANSWER, retrieveForQuestion } from '../src/domain/follow-ups/retrieve-question.js';
import { FOLLOW_UP_CASES } from './fixtures/follow-up-cases.js';

const kb = loadKnowledgeBase();
const NOW = new Date('2026-12-01T12:00:00Z');

describe('follow-up retrieval', () => {
  it('holds at least 40 real follow-ups whose expected ids exist in the knowledge base', () => {
    expect(FOLLOW_UP_CASES.length).toBeGreaterThanOrEqual(40);
    const all = FOLLOW_UP_CASES.flatMap((c) =>
      retrieveForQuestion(kb, c.question, c.report, NOW, 1000).facts.map((f) => f.id),
    );
    for (const { expected } of FOLLOW_UP_CASES) {
      for (const id of expected) {
        const known =
          kb.facts.some((f) => f.id === id) ||
          all.includes(id) ||
          /^(occupation|earnings|outlook|subject-tuition|subject):/.test(id);
        expect(known, id).toBe(true);
      }
    }
  });

  it(`finds the facts each follow-up needs in its top ${FACTS_PER_ANSWER}: recall at 5 of at least 90 %`, () => {
    let found = 0;
    let wanted = 0;
    const misses: string[] = [];
    for (const { question, report, expected } of FOLLOW_UP_CASES) {
      const top = retrieveForQuestion(kb, question, report, NOW).facts.map((f) => f.id);
      for (const id of expected) {
        wanted += 1;
        if (top.includes(id)) found += 1;
        else misses.push(`${question} → missed ${id}; got ${top.join(', ')}`);
      }
    }
    const recall = found / wanted;
    console.log(
      `follow-up retrieval: recall@${FACTS_PER_ANSWER} = ${(recall * 100).toFixed(1)} % (${found}/${wanted} ids, ${FOLLOW_UP_CASES.length} questions)`,
    );
    if (misses.length > 0) console.log(misses.join('\n'));
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
