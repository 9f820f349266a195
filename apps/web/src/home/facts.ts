import type { AppConfig } from '../api/types.js';
import { formatPrice } from '../payments/price.js';

/** Days a report stays readable, then hidden. */
export const KEPT_DAYS = 30;
/** Days after which a report is erased for good (60 days after it was hidden). */
export const ERASED_DAYS = 90;

/** What the price is on this server: the per-report price with payments on, free otherwise. */
export function priceLine(config: AppConfig): string {
  return config.payments_enabled
    ? `${formatPrice(config.price_gbp)} per report, paid on Stripe’s secure page before it is written; refunded automatically if it cannot be written.`
    : 'Free on this server: payments are switched off here.';
}

/** One outside service that handles a student's data on this server, and what it gets. */
export interface Processor {
  readonly name: string;
  readonly what: string;
}

/** The outside services this server uses, from `GET /config`: Stripe, Clerk and Gemini only when configured. */
export function processors(config: AppConfig): Processor[] {
  const list: Processor[] = [];
  if (config.payments_enabled) {
    list.push({
      name: 'Stripe',
      what: 'takes the payment: your card details go to Stripe only, never to this service; it tells us whether you paid.',
    });
  }
  if (config.auth_provider === 'clerk') {
    list.push({
      name: 'Clerk',
      what: 'runs sign-in: it holds your email address and sign-in method (for example Google).',
    });
  }
  if (config.writer === 'gemini') {
    list.push({
      name: 'Google (Gemini)',
      what: 'writes the report: it receives the subject and the details you gave (level, start date, city), never your email.',
    });
  }
  return list;
}

/** How to reach the operator: the contact email, or their name. */
export function contactLine(config: AppConfig): string {
  return config.operator.contact_email
    ? `${config.operator.name} at ${config.operator.contact_email}`
    : config.operator.name;
}
