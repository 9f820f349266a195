import { describe, expect, it } from 'vitest';
import { matchedVia } from '../src/domain/generation/generation-service.js';

describe('matchedVia (the stored report’s subject id read again for retrieval)', () => {
  it.each([
    ['Photography', 'film', 'parent'],
    ['Marine Biology', 'marine-biology', 'entry'],
    ['Photography', 'nursing', 'entry'],
    ['asdfgh', null, 'entry'],
  ] as const)('%s with id %s is %s', (subject, subjectId, expected) => {
    expect(matchedVia(subject, subjectId)).toBe(expected);
  });
});
