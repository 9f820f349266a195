-- Users (local accounts and Clerk identities), their refresh sessions, and the shared updated_at trigger.

CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TABLE users (
  user_id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Clerk's user id, or 'local:<user_id>' for a local account.
  external_id   text NOT NULL UNIQUE,
  auth_provider text NOT NULL CHECK (auth_provider IN ('google', 'apple', 'facebook', 'email', 'local')),
  email         text,
  password_hash text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  CHECK (auth_provider <> 'local' OR (email IS NOT NULL AND password_hash IS NOT NULL))
);

-- One local account per e-mail address, compared case-insensitively; also serves the login lookup.
CREATE UNIQUE INDEX users_local_email_key ON users (lower(email)) WHERE auth_provider = 'local';

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE auth_sessions (
  session_id  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  replaced_by uuid
);

-- Foreign-key index: deleting a user cascades to its sessions.
CREATE INDEX auth_sessions_user_id_idx ON auth_sessions (user_id);
