import { describe, expect, it } from 'vitest';
import {
  changesBetween,
  datesOf,
  dayAfter,
  endRecordedAsStart,
  inForceOn,
  KNOWN_ENDS,
  listEnd,
  ruleInForce,
} from '../src/domain/knowledge-base/dated-rules.js';
import { sponsorStatus } from '../src/domain/knowledge-base/field-facts.js';
import { loadKnowledgeBase } from '../src/domain/knowledge-base/load.js';
import type { Occupation } from '../src/domain/knowledge-base/occupations-schema.js';
import { retrieve } from '../src/domain/knowledge-base/retrieve.js';

const kb = loadKnowledgeBase();
const occupation = (soc: string): Occupation => kb.occupations.occupations.find((o) => o.soc === soc)!;
const fact = (id: string) => kb.facts.find((f) => f.id === id)!;

describe('ruleInForce: the rule in force on a date, with a fixed clock on both sides of each change', () => {
  it.each([
    ['graduate-length', '2026-12-01', 'graduate-length-current'],
    ['graduate-length', '2026-12-31', 'graduate-length-current'],
    ['graduate-length', '2027-01-01', 'graduate-18-months'],
    ['graduate-length', '2030-06-01', 'graduate-18-months'],
    ['national-living-wage', '2026-03-31', null],
    ['national-living-wage', '2026-04-01', 'fallback-nlw-2026'],
    ['national-living-wage', '2027-03-31', 'fallback-nlw-2026'],
    ['national-living-wage', '2027-04-01', 'fallback-nlw-2027-pending'],
    ['no-such-rule', '2027-01-01', null],
  ])('%s on %s is %s', (rule, day, expected) => {
    expect(ruleInForce(kb, rule, day)?.id ?? null).toBe(expected);
  });

  it('reads effective_from as recorded and effective_until as recorded or known', () => {
    expect(inForceOn(fact('graduate-18-months'), '2026-12-31')).toBe(false);
    expect(inForceOn(fact('graduate-18-months'), '2027-01-01')).toBe(true);
    expect(inForceOn(fact('sw-isl-tsl-expiry'), '2026-12-31')).toBe(true);
    expect(inForceOn(fact('sw-isl-tsl-expiry'), '2027-01-01')).toBe(false);
    expect(inForceOn({ ...fact('visa-cas-required'), effective_until: '2026-01-01' }, '2026-01-02')).toBe(false);
    expect(inForceOn(fact('visa-cas-required'), '1999-01-01')).toBe(true);
    expect(Object.keys(KNOWN_ENDS).every((id) => kb.facts.some((f) => f.id === id))).toBe(true);
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});

describe('endRecordedAsStart: an end the facts file recorded as a start', () => {
  const care = 'timeline-2028-07-care-transition';

  it.each([
    [
      'a statement that says "until" its effective_from',
      { effective_from: '2028-07-22' },
      'allowed until 22 July 2028.',
      true,
    ],
    [
      'a statement that starts on its effective_from',
      { effective_from: '2027-01-01' },
      'From 1 January 2027, 18 months.',
      false,
    ],
    ['"until" another day', { effective_from: '2028-07-22' }, 'allowed until 23 July 2028.', false],
    [
      'an effective_until already recorded',
      { effective_from: '2028-07-22', effective_until: '2029-01-01' },
      'until 22 July 2028.',
      false,
    ],
    ['no effective_from', {}, 'allowed until 22 July 2028.', false],
  ] as const)('%s: %s', (_name, dates, statement, expected) => {
    expect(endRecordedAsStart({ ...fact('visa-cas-required'), ...dates, statement })).toBe(expected);
  });

  it('reads the care transition as a rule that ends on 22 July 2028, not one that starts then', () => {
    expect(fact(care).effective_from).toBe('2028-07-22');
    expect(datesOf(fact(care))).toMatchObject({ effectiveFrom: null, effectiveUntil: '2028-07-22' });
    expect(inForceOn(fact(care), '2026-12-01')).toBe(true);
    expect(inForceOn(fact(care), '2028-07-22')).toBe(true);
    expect(inForceOn(fact(care), '2028-07-23')).toBe(false);
    expect(changesBetween(kb, '2028-07-21', '2028-07-23').filter((c) => c.id === care)).toEqual([
      { date: '2028-07-23', kind: 'ends', id: care, text: fact(care).statement },
    ]);
    // Only this fact of the file is read so.
    expect(kb.facts.filter(endRecordedAsStart).map((f) => f.id)).toEqual([care]);
  });
});

describe('changesBetween: what changes between now and a date', () => {
  const ids = (from: string, to: string, socs: string[] = []): string[] =>
    changesBetween(kb, from, to, socs.map(occupation)).map((c) => `${c.date} ${c.kind} ${c.id}`);

  it('names the Graduate cut, the end of the shortage lists and the TSL place of SOC 3422 until the day they happen', () => {
    // The data files its own timeline entry for the lists' end on their last day.
    expect(ids('2026-12-01', '2026-12-31', ['3422'])).toEqual(['2026-12-31 starts timeline-2026-12-isl-tsl-end']);
    expect(ids('2026-12-01', '2027-01-01', ['3422', '2112'])).toEqual([
      '2026-12-31 starts timeline-2026-12-isl-tsl-end',
      '2027-01-01 starts graduate-18-months',
      '2027-01-01 ends graduate-length-current',
      '2027-01-01 ends occupation:2112',
      '2027-01-01 ends occupation:3422',
      '2027-01-01 ends sw-isl-tsl-expiry',
      '2027-01-01 starts timeline-2027-01-graduate',
    ]);
    expect(ids('2027-01-01', '2027-03-31')).toEqual([]);
    expect(ids('2027-01-01', '2027-04-01')).toEqual([
      '2027-04-01 ends fallback-nlw-2026',
      '2027-04-01 starts fallback-nlw-2027-pending',
    ]);
    expect(ids('2028-07-31', '2028-08-01')).toEqual(['2028-08-01 starts tuition-international-levy']);
  });

  it('words an occupation leaving its list', () => {
    const [change] = changesBetween(kb, '2026-12-31', '2027-01-01', [occupation('3422')]).filter((c) =>
      c.id.startsWith('occupation:'),
    );
    expect(change.text).toBe(
      'SOC 3422 Clothing, fashion and accessories designers leaves the Temporary Shortage List.',
    );
    expect(listEnd(occupation('6135'))).toBe('2028-07-22');
    expect(listEnd(occupation('2134'))).toBeNull();
  });
});

describe('sponsorStatus and the writers’ dated wording', () => {
  it.each([
    ['2134', '2026-12-01', 'open'],
    ['3422', '2026-12-31', 'list'],
    ['3422', '2027-01-01', 'list-ended'],
    ['1221', '2026-12-01', 'closed'],
  ])('SOC %s on %s is %s', (soc, day, kind) => {
    expect(sponsorStatus(occupation(soc), day).kind).toBe(kind);
  });

  it('never offers a Temporary Shortage List job as a live route past its end date', () => {
    const line = (day: string): string =>
      retrieve(kb, {
        subject: 'Fashion Design',
        subjectId: 'fashion-design',
        on: new Date(`${day}T12:00:00Z`),
      }).facts.find((f) => f.id === 'occupation:3422')!.statement;
    expect(line('2026-12-31')).toContain(
      'only while it is on the Temporary Shortage List, which is due to end on 31 December 2026',
    );
    expect(line('2026-12-31')).toContain('do not plan on sponsorship in this job');
    expect(line('2027-01-01')).toContain(
      'its place on the Temporary Shortage List ended on 31 December 2026, so it cannot be sponsored',
    );
    expect(line('2027-01-01')).not.toContain('can be sponsored only while');
  });
});
