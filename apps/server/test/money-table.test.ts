import { describe, expect, it } from 'vitest';
import {
  formatPoundRange,
  formatPounds,
  healthSurcharge,
  moneyTable,
  poundAmounts,
  type MoneyFact,
  type MoneyStudent,
} from '../src/domain/money/money-table.js';

const FACTS: ReadonlyMap<string, MoneyFact> = new Map(
  [
    { id: 'visa-fee-student-outside-uk', value: '£524', statement: '' },
    { id: 'ihs-student-rate', value: '£776/year', statement: '' },
    { id: 'ihs-upfront-calculation', value: "≈£1,164 for a 1-year master's", statement: '' },
    { id: 'visa-maintenance-london', value: '£1,529/month × 9 = £13,761', statement: '' },
    { id: 'visa-maintenance-outside-london', value: '£1,171/month × 9 = £10,539', statement: '' },
    { id: 'tuition-ug-range', value: '≈£12,000–£38,000/year', statement: '' },
    { id: 'tuition-pgt-range', value: '≈£15,000–£45,000', statement: '' },
    { id: 'subject-tuition:nursing', value: 'UG £16,000–£40,000; PGT £17,000–£42,000', statement: '' },
  ].map((f) => [f.id, f]),
);

const PGT_LONDON: MoneyStudent = { level: 'postgraduate_taught', london: true, courseMonths: 12, visaMonths: 17 };

describe('poundAmounts and formatting', () => {
  it.each([
    ['£524', [524]],
    ['£1,529/month × 9 = £13,761', [1529, 13761]],
    ['about £1,552.50', [1552.5]],
    [undefined, []],
    ['no money here', []],
  ] as const)('%s', (text, expected) => expect(poundAmounts(text)).toEqual(expected));

  it('writes pounds the British way', () => {
    expect(formatPounds(13761)).toBe('£13,761');
    expect(formatPounds(1552.5)).toBe('£1,552.50');
    expect(formatPoundRange(5, 5)).toBe('£5');
    expect(formatPoundRange(29449, 59449)).toBe('£29,449–£59,449');
  });
});

describe('healthSurcharge (whole years, half a year for 6 months or less, a full year beyond)', () => {
  it.each([
    [12, 776],
    [17, 1164],
    [18, 1164],
    [19, 1552],
    [41, 2716],
    [6, 388],
    [0, 0],
  ])('%i months', (months, expected) => expect(healthSurcharge(776, months)).toBe(expected));
});

describe('moneyTable', () => {
  it.each([
    [
      'taught master’s in London',
      PGT_LONDON,
      undefined,
      { fee: 524, ihs: 1164, funds: 13761, tuition: [15000, 45000], total: [30449, 60449] },
    ],
    [
      'taught master’s outside London',
      { ...PGT_LONDON, london: false },
      undefined,
      { fee: 524, ihs: 1164, funds: 10539, tuition: [15000, 45000], total: [27227, 57227] },
    ],
    [
      'bachelor’s outside London, 41 months of visa',
      { level: 'undergraduate', london: false, courseMonths: 36, visaMonths: 41 },
      undefined,
      { fee: 524, ihs: 2716, funds: 10539, tuition: [12000, 38000], total: [25779, 51779] },
    ],
    [
      'nursing bachelor’s with its own fees',
      { level: 'undergraduate', london: true, courseMonths: 36, visaMonths: 41 },
      'subject-tuition:nursing',
      { fee: 524, ihs: 2716, funds: 13761, tuition: [16000, 40000], total: [33001, 57001] },
    ],
    [
      'nursing master’s with its own fees',
      PGT_LONDON,
      'subject-tuition:nursing',
      { fee: 524, ihs: 1164, funds: 13761, tuition: [17000, 42000], total: [32449, 57449] },
    ],
    [
      'a 6-month course shows 6 months of funds',
      { ...PGT_LONDON, courseMonths: 6, visaMonths: 9 },
      undefined,
      { fee: 524, ihs: 776, funds: 9174, tuition: [15000, 45000], total: [25474, 55474] },
    ],
  ] as const)('%s', (_name, student, tuitionId, expected) => {
    const table = moneyTable(student, FACTS, tuitionId);
    const row = (key: string) => table.rows.find((r) => r.key === key)!;
    expect(row('visa_fee').low).toBe(expected.fee);
    expect(row('health_surcharge').low).toBe(expected.ihs);
    expect(row('maintenance').low).toBe(expected.funds);
    expect([row('tuition').low, row('tuition').high]).toEqual(expected.tuition);
    expect([table.total.low, table.total.high]).toEqual(expected.total);
    expect(table.missing).toEqual([]);
  });

  it('leaves research tuition out (no figure) and says it is missing', () => {
    const table = moneyTable(
      { level: 'postgraduate_research', london: false, courseMonths: 36, visaMonths: 41 },
      FACTS,
    );
    expect(table.missing).toEqual(['tuition']);
    expect(table.total).toEqual({ low: 524 + 2716 + 10539, high: 524 + 2716 + 10539 });
  });

  it('falls back to the general range when the subject fact has no figure for the level', () => {
    const facts = new Map([
      ...FACTS,
      ['subject-tuition:x', { id: 'subject-tuition:x', value: 'UG £20,000–£30,000', statement: '' }],
    ]);
    const table = moneyTable(PGT_LONDON, facts, 'subject-tuition:x');
    expect(table.rows.find((r) => r.key === 'tuition')).toMatchObject({
      low: 15000,
      high: 45000,
      factIds: ['tuition-pgt-range'],
    });
  });

  it('names every row it could not compute when the facts are missing', () => {
    const table = moneyTable(PGT_LONDON, new Map());
    expect(table.rows).toEqual([]);
    expect(table.missing).toEqual(['visa_fee', 'health_surcharge', 'maintenance', 'tuition']);
    expect(table.total).toEqual({ low: 0, high: 0 });
  });
});
