-- A person whose password someone else chose (the first admin's one-time password) must choose their own before
-- anything else: the console asks for it, and the REST API refuses everything but the account's own endpoints.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
