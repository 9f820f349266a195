import type { Queryable } from '../types.js';
import { changed } from './sql.js';

/** Stripe webhook events already handled, so a redelivered event changes nothing. */
export interface StripeEventsRepository {
  /** Records the event; true the first time, false when it was recorded before. */
  recordOnce(eventId: string, type: string): Promise<boolean>;
}

/** The Stripe-events repository over `q`. */
export function stripeEventsRepository(q: Queryable): StripeEventsRepository {
  return {
    async recordOnce(eventId, type) {
      return changed(
        await q.query('INSERT INTO stripe_events (event_id, type) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING', [
          eventId,
          type,
        ]),
      );
    },
  };
}
