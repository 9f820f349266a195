-- Stripe payments and the webhook events already handled.

CREATE TYPE payment_status AS ENUM ('pending', 'succeeded', 'failed', 'refunded');

CREATE TABLE payments (
  payment_id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- No cascade: payment records are kept, so a user with payments cannot be deleted by accident.
  user_id                    uuid NOT NULL REFERENCES users (user_id),
  -- At most one report per payment and one payment per report; erasing the report keeps the payment.
  report_id                  uuid UNIQUE REFERENCES reports (report_id) ON DELETE SET NULL,
  stripe_checkout_session_id text NOT NULL UNIQUE,
  stripe_payment_intent_id   text UNIQUE,
  amount_pence               integer NOT NULL CHECK (amount_pence > 0),
  currency                   text NOT NULL DEFAULT 'gbp' CHECK (currency = 'gbp'),
  status                     payment_status NOT NULL DEFAULT 'pending',
  refund_reason              text,
  refund_attempts            integer NOT NULL DEFAULT 0,
  last_refund_error          text,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  succeeded_at               timestamptz,
  refunded_at                timestamptz,
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  metadata                   jsonb NOT NULL DEFAULT '{}'
);

-- Foreign-key index: checks on deleting a user.
CREATE INDEX payments_user_id_idx ON payments (user_id);

CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON payments
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE stripe_events (
  event_id    text PRIMARY KEY,
  type        text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
