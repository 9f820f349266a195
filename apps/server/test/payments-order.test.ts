import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Order from '../src/domain/payments/order.js';
let orderFromMetadata: typeof Order.orderFromMetadata;
let orderMetadata: typeof Order.orderMetadata;

// Imported afresh so that the module-level list of profile keys is built within this run (Stryker does not reload
// modules between mutant runs).
beforeAll(async () => {
  vi.resetModules();
  ({ orderFromMetadata, orderMetadata } = await import('../src/domain/payments/order.js'));
});

const EMPTY = { level: null, intake: null, city: null, nationality: null };

describe('the order in payment metadata', () => {
  it('writes strings only and leaves unknown parts out (Stripe drops an empty value)', () => {
    expect(orderMetadata({ subject: 'Law' })).toEqual({ subject: 'Law' });
    expect(orderMetadata({ subject: 'Law', subjectId: null, profile: { level: null, city: '' } })).toEqual({
      subject: 'Law',
    });
    expect(
      orderMetadata({
        subject: 'Law',
        subjectId: 'law',
        profile: { level: 'undergraduate', intake: '2027-09', city: 'Leeds', nationality: 'PK' },
      }),
    ).toEqual({
      subject: 'Law',
      subject_id: 'law',
      level: 'undergraduate',
      intake: '2027-09',
      city: 'Leeds',
      nationality: 'PK',
    });
  });

  it.each([
    ['2027-01', '2027-01'],
    ['2027-09', '2027-09'],
    ['2027-10', '2027-10'],
    ['2027-12', '2027-12'],
    ['2027-00', null],
    ['2027-13', null],
    ['2027-1', null],
    ['27-09', null],
    ['x2027-09', null],
    ['2027-09x', null],
    ['2027/09', null],
  ])('reads intake %s as %s', (intake, expected) => {
    expect(orderFromMetadata({ subject: 'Law', intake }, 'p').profile.intake).toBe(expected);
  });

  it('keeps listed levels and nationalities and a non-empty city, and drops anything else', () => {
    expect(
      orderFromMetadata({ subject: 'Law', level: 'postgraduate_research', nationality: 'NP', city: 'Bath' }, 'p')
        .profile,
    ).toEqual({
      level: 'postgraduate_research',
      intake: null,
      city: 'Bath',
      nationality: 'NP',
    });
    expect(
      orderFromMetadata({ subject: 'Law', level: 'diploma', nationality: 'US', city: '', subject_id: '' }, 'p'),
    ).toEqual({
      subject: 'Law',
      subjectId: null,
      profile: EMPTY,
    });
    expect(orderFromMetadata({ subject: 'Law', level: 7, nationality: ['IN'], city: 3, subject_id: 5 }, 'p')).toEqual({
      subject: 'Law',
      subjectId: null,
      profile: EMPTY,
    });
  });

  it('reads back what orderMetadata writes', () => {
    const order = {
      subject: 'Law',
      subjectId: 'law',
      profile: { level: 'postgraduate_taught', intake: '2028-01', city: 'Leeds', nationality: 'IN' },
    } as const;
    expect(orderFromMetadata(orderMetadata(order), 'p')).toEqual(order);
  });

  it('refuses a payment without a subject, naming the payment', () => {
    expect(() => orderFromMetadata({}, 'p4')).toThrow('payment p4 has no subject');
    expect(() => orderFromMetadata({ subject: '' }, 'p5')).toThrow('payment p5 has no subject');
    expect(() => orderFromMetadata({ subject: 42 }, 'p6')).toThrow('payment p6 has no subject');
  });
});
