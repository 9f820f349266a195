import type { ReportProfile } from '@uksmr/database';
import { NATIONALITIES, STUDY_LEVELS } from '../profile/types.js';

/** What a paid report is for: travels in the Checkout Session metadata and the stored payment to fulfilment. */
export interface ReportOrder {
  readonly subject: string;
  readonly subjectId: string | null;
  readonly profile: ReportProfile;
}

/** An order as a checkout is asked for: the subject id and profile may be left out (unknown). */
export interface OrderRequest {
  readonly subject: string;
  readonly subjectId?: string | null | undefined;
  readonly profile?: Partial<ReportProfile> | undefined;
}

const PROFILE_KEYS = ['level', 'intake', 'city', 'nationality'] as const;

/**
 * The order as Stripe metadata: strings only, unknown parts left out (Stripe treats an empty value as "remove").
 * `user_id` and `country` are added by the Checkout Session parameters.
 */
export function orderMetadata(order: OrderRequest): Record<string, string> {
  const metadata: Record<string, string> = { subject: order.subject };
  if (order.subjectId) metadata.subject_id = order.subjectId;
  for (const key of PROFILE_KEYS) {
    const value = order.profile?.[key];
    if (value) metadata[key] = value;
  }
  return metadata;
}

function text(metadata: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = metadata[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Reads the order back from a payment's metadata (a payment made before profiles existed has only `subject`;
 * anything not in its list is dropped rather than stored). Throws when there is no subject.
 */
export function orderFromMetadata(metadata: Readonly<Record<string, unknown>>, paymentId: string): ReportOrder {
  const subject = text(metadata, 'subject');
  if (subject === null) throw new Error(`payment ${paymentId} has no subject`);
  const intake = text(metadata, 'intake');
  return {
    subject,
    subjectId: text(metadata, 'subject_id'),
    profile: {
      level: oneOf(text(metadata, 'level'), STUDY_LEVELS),
      intake: intake !== null && /^\d{4}-(0[1-9]|1[0-2])$/u.test(intake) ? intake : null,
      city: text(metadata, 'city'),
      nationality: oneOf(text(metadata, 'nationality'), NATIONALITIES),
    },
  };
}
