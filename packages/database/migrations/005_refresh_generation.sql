-- Refresh cookies of local sessions. A session row is one sign-in (the family of all its refresh tokens); its
-- refresh token names the session and this generation, and is signed by the server. Each use moves the generation
-- on by one, so a token of an older generation presented again is a replay: the whole session is revoked.
-- (Numbered 006 so that it does not collide with a 004 written on another branch at the same time.)

ALTER TABLE auth_sessions ADD COLUMN refresh_generation integer NOT NULL DEFAULT 0;
