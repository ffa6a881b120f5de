-- A user signs in to the LMS in a browser (authorization code with PKCE, ADR 7) with a password, stored as a
-- one-way hash ({bcrypt}...). A user without one cannot sign in; their tokens come from the operator's tools.
ALTER TABLE users ADD COLUMN password_hash TEXT;
