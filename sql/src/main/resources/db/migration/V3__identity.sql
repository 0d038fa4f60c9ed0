-- People behind the console, what happened to their roles, what admins did, and the keys that sign their tokens.

CREATE TABLE users (
    id             VARCHAR(36)  NOT NULL,
    email          VARCHAR(254) NOT NULL,
    name           VARCHAR(200) NOT NULL,
    -- comma-separated role names: ADMIN, AGENT
    roles          VARCHAR(64)  NOT NULL,
    -- PBKDF2 (Pbkdf2PasswordHash): algorithm:iterations:salt:hash
    password_hash  VARCHAR(512) NOT NULL,
    active         BOOLEAN      NOT NULL,
    -- raised whenever tokens issued before must stop working (deactivation, role change, password change)
    token_version  INT          NOT NULL,
    preferences    TEXT         NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE role_changes (
    id          VARCHAR(36) NOT NULL,
    user_id     VARCHAR(36) NOT NULL,
    changed_by  VARCHAR(36) NOT NULL,
    old_roles   VARCHAR(64) NOT NULL,
    new_roles   VARCHAR(64) NOT NULL,
    changed_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_role_changes_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_role_changes_by FOREIGN KEY (changed_by) REFERENCES users (id)
);
CREATE INDEX ix_role_changes_user ON role_changes (user_id, changed_at);

CREATE TABLE audit_log (
    id              VARCHAR(36)   NOT NULL,
    actor_id        VARCHAR(36),
    actor_email     VARCHAR(254),
    action          VARCHAR(64)   NOT NULL,
    target          VARCHAR(255),
    detail          VARCHAR(1000),
    client_address  VARCHAR(64),
    created_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_audit_log_time ON audit_log (created_at);
CREATE INDEX ix_audit_log_action ON audit_log (action, created_at);

CREATE TABLE signing_keys (
    id                  VARCHAR(36) NOT NULL,
    -- X.509 SubjectPublicKeyInfo, base64
    public_key          TEXT        NOT NULL,
    -- PKCS#8, sealed by the secrets component (never in clear)
    private_key_sealed  TEXT        NOT NULL,
    created_at          DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
);
