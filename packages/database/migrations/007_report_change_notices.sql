-- Every committed change of a report (created, claimed, completed, failed, handed back, deleted, expired, erased,
-- its user erased) is announced on the report_events channel as {"k":"change","u":user_id,"r":report_id}, so
-- that each instance's read cache (completed reports' JSON, the light lists) forgets it, whichever instance or tool
-- made the change. NOTIFY is sent at commit, to every instance listening; identical payloads of one transaction
-- are sent once. (Numbered 007: 006 is the follow-up questions' migration on another branch.)

CREATE FUNCTION reports_announce_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed reports;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  PERFORM pg_notify('report_events', json_build_object('k', 'change', 'u', changed.user_id, 'r', changed.report_id)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER reports_announce_change AFTER INSERT OR UPDATE OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION reports_announce_change();
