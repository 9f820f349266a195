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

-- A local sign-in revoked (logout, refresh, a replayed refresh token) or deleted (its user erased) is announced
-- on the same channel as {"k":"session","s":session_id}, so that every instance stops believing its access
-- tokens at once rather than when its 5-second "known active" memory of the session runs out.

CREATE FUNCTION auth_sessions_announce_revocation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('report_events', json_build_object('k', 'session', 's', OLD.session_id)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER auth_sessions_announce_revocation AFTER UPDATE OF revoked_at ON auth_sessions
  FOR EACH ROW WHEN (NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL)
  EXECUTE FUNCTION auth_sessions_announce_revocation();

CREATE TRIGGER auth_sessions_announce_deletion AFTER DELETE ON auth_sessions
  FOR EACH ROW EXECUTE FUNCTION auth_sessions_announce_revocation();
