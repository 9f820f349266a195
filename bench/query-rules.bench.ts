/**
 * `npm run bench`: how long the query rules take to read one student's words (`interpretQuery`), over every
 * phrasing of the rules' table, printed beside a floor measured in the same run (tokenising the same words, the
 * least any reading does). Target: well under 1 ms per resolve at p95. Asserts nothing about timing.
 */
import { describe, expect, test } from 'vitest';
import { interpretQuery } from '../apps/server/src/domain/query-rules/index.js';
import { tokenize } from '../apps/server/src/domain/query-rules/text.js';
import { QUERY_CASES } from '../apps/server/test/fixtures/query-rules-cases.js';
import { summarise } from './support/stats.js';
import { renderTable } from './support/table.js';

/** Rounds over the whole table; the first ones warm the JIT and are not counted. */
const ROUNDS = 30;
const WARM_UP_ROUNDS = 10;

/** Per-call time (ms) of `task` on each input, one figure per input per counted round. */
function timePerCall(inputs: readonly string[], task: (input: string) => unknown): number[] {
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const input of inputs) {
      const start = performance.now();
      task(input);
      const elapsed = performance.now() - start;
      if (round >= WARM_UP_ROUNDS) timings.push(elapsed);
    }
  }
  return timings;
}

const us = (value: number): number => Math.round(value * 1000);

describe('query rules', () => {
  test('time per resolve over the phrasing table', () => {
    const inputs = QUERY_CASES.map((testCase) => testCase.input.subject);
    const rules = summarise(timePerCall(inputs, (subject) => interpretQuery({ subject })));
    const floor = summarise(timePerCall(inputs, (subject) => tokenize(subject)));
    console.info(
      `\nQuery rules, ${inputs.length} phrasings × ${ROUNDS - WARM_UP_ROUNDS} rounds (µs per call; target: p95 well under 1000 µs)\n` +
        renderTable(
          ['measure', 'p50', 'p95', 'max'],
          [
            ['interpretQuery', us(rules.p50), us(rules.p95), us(rules.max)],
            ['floor: tokenize', us(floor.p50), us(floor.p95), us(floor.max)],
          ],
        ),
    );
    expect(rules.count).toBe(inputs.length * (ROUNDS - WARM_UP_ROUNDS));
  });
});
