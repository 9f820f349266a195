-- Follow-up questions on a completed report (issue 15), and the live progress of their answers.
--
-- A question belongs to its report: it is read only through its live report (so it is hidden the moment the report
-- is soft-deleted or expires) and it is erased with the report (ON DELETE CASCADE from the retention job's
-- DELETE FROM reports). Nothing about a question outlives its report.

CREATE TABLE report_questions (
  question_id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id           uuid NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
  -- The report's owner, kept on the row so that every read can be checked against the caller.
  user_id             uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  text                varchar(500) NOT NULL,
  -- pending: asked, not started; answering: claimed by one worker; answered: stored; failed: the student may ask again.
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'answering', 'answered', 'failed')),
  -- The answer's Markdown with [n] markers, and its citations (the report's citation shape).
  answer              text,
  citations           jsonb,
  generation_metadata jsonb,
  error_message       text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  started_at          timestamptz,
  answered_at         timestamptz,
  updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER report_questions_set_updated_at BEFORE UPDATE ON report_questions
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A report's questions in the order they were asked (the list, and the limit's count); also the foreign-key index.
CREATE INDEX report_questions_report_idx ON report_questions (report_id, created_at, question_id);
CREATE INDEX report_questions_user_idx ON report_questions (user_id);
-- The stale-answer sweep: questions stuck in 'answering' or left 'pending'.
CREATE INDEX report_questions_open_idx ON report_questions (created_at) WHERE status IN ('pending', 'answering');

-- The same shape as report_events, announced on the same channel (the question id is the stream's key).
CREATE TABLE question_events (
  question_id uuid NOT NULL REFERENCES report_questions (question_id) ON DELETE CASCADE,
  seq         integer NOT NULL CHECK (seq > 0),
  event       text NOT NULL,
  data        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (question_id, seq)
);
