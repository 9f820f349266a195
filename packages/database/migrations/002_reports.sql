-- Reports and the live progress events of a generation.

CREATE TYPE report_status AS ENUM ('pending', 'generating', 'completed', 'failed', 'expired');

CREATE TABLE reports (
  report_id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id             uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  subject             varchar(200) NOT NULL,
  country             text NOT NULL DEFAULT 'UK' CHECK (country = 'UK'),
  status              report_status NOT NULL DEFAULT 'pending',
  content             jsonb,
  citations           jsonb,
  generation_metadata jsonb,
  error_message       text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  started_at          timestamptz,
  completed_at        timestamptz,
  -- created_at + 30 days, filled by reports_set_expires_at when not given.
  expires_at          timestamptz NOT NULL,
  deleted_at          timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION reports_set_expires_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.expires_at IS NULL THEN
    NEW.expires_at := NEW.created_at + interval '30 days';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER reports_set_expires_at BEFORE INSERT ON reports
  FOR EACH ROW EXECUTE FUNCTION reports_set_expires_at();

CREATE TRIGGER reports_set_updated_at BEFORE UPDATE ON reports
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A user's live reports, newest first (GET /reports); report_id breaks ties for stable pages.
CREATE INDEX reports_user_live_idx ON reports (user_id, created_at DESC, report_id DESC) WHERE deleted_at IS NULL;
-- The daily cap counts every report a user started, deleted or not; also the foreign-key index.
CREATE INDEX reports_user_created_idx ON reports (user_id, created_at);
-- The expiry sweep: live reports past expires_at.
CREATE INDEX reports_expiry_idx ON reports (expires_at) WHERE deleted_at IS NULL;
-- The erase sweep: soft-deleted reports older than the retention window.
CREATE INDEX reports_deleted_idx ON reports (deleted_at) WHERE deleted_at IS NOT NULL;
-- The stale-generation sweep: reports stuck in 'generating'.
CREATE INDEX reports_generating_idx ON reports (started_at) WHERE status = 'generating';
-- The refund sweep starts from failed reports (few) and joins their payments.
CREATE INDEX reports_failed_idx ON reports (report_id) WHERE status = 'failed';

CREATE TABLE report_events (
  report_id  uuid NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
  seq        integer NOT NULL CHECK (seq > 0),
  event      text NOT NULL,
  data       jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, seq)
);
