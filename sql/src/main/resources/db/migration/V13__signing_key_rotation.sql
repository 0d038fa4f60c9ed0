-- Token signing keys can be rotated (POST /api/admin/signing-keys/rotate): the newest key whose signs_from has come
-- signs; every key verifies until its verifies_until (NULL: until a newer key replaces it), then it is dropped.
ALTER TABLE signing_keys ADD COLUMN signs_from DATETIME(3);
ALTER TABLE signing_keys ADD COLUMN verifies_until DATETIME(3);
UPDATE signing_keys SET signs_from = created_at;
