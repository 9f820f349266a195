import { describe, expect, it } from 'vitest';
import { distinctRoles, sameJob, titleWords } from '../src/domain/knowledge-base/distinct-roles.js';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';

describe('titleWords', () => {
  it.each([
    ['Care / healthcare assistant (care homes, NHS bank)', ['care', 'healthcare', 'assistant', 'home', 'nhs', 'bank']],
    ['Warehouse / logistics operative (employed or agency)', ['warehouse', 'logistic', 'operative']],
    [
      'Hospitality (waiter, barista, kitchen porter, bar staff)',
      ['hospitality', 'waiter', 'barista', 'kitchen', 'porter', 'bar', 'staff'],
    ],
    ['Class assistant', ['class', 'assistant']],
    ['', []],
  ])('%s', (title, words) => {
    expect([...titleWords(title)].sort()).toEqual([...words].sort());
  });
});

describe('sameJob', () => {
  it.each([
    ['Healthcare assistant (NHS bank / care home)', 'Care / healthcare assistant (care homes, NHS bank)', true],
    ['Retail / supermarket assistant', 'Retail assistant (supermarket)', true],
    ['Retail / supermarket assistant', 'Healthcare assistant (NHS bank / care home)', false],
    ['Teaching assistant', 'Healthcare assistant', false],
    ['Tutor (agency)', 'Tutor', true],
    ['', '', false],
  ])('%s / %s → %s', (a, b, same) => {
    expect(sameJob(a, b)).toBe(same);
    expect(sameJob(b, a)).toBe(same);
  });
});

describe('distinctRoles', () => {
  const roles = [
    { title: 'Healthcare assistant (NHS bank / care home)' },
    { title: 'Retail / supermarket assistant' },
    { title: 'Care / healthcare assistant (care homes, NHS bank)' },
    { title: 'Hospitality (waiter, barista)' },
  ];
  it('keeps the first of two near-twins and the order of the rest', () => {
    expect(distinctRoles(roles, 5).map((r) => r.title)).toEqual([
      'Healthcare assistant (NHS bank / care home)',
      'Retail / supermarket assistant',
      'Hospitality (waiter, barista)',
    ]);
  });
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [9, 3],
  ])('at most %i roles → %i', (max, count) => {
    expect(distinctRoles(roles, max)).toHaveLength(count);
  });
  it('no subject in the knowledge base lists the same stop-gap job twice after it', () => {
    const kb = loadKnowledgeBase();
    let subjects = 0;
    for (const entry of kb.subjects) {
      const kept = distinctRoles(entry.fallback_roles, 5);
      subjects += 1;
      for (const [i, role] of kept.entries())
        for (const other of kept.slice(i + 1)) expect(sameJob(role.title, other.title)).toBe(false);
    }
    expect(subjects).toBeGreaterThan(0);
  });
});
