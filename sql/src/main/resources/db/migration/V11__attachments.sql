-- Images a visitor sends: stored with the session they belong to (and only shown to it and to the agents), the
-- message that carries one names it. Kept in the database so that every cluster node can serve it.
CREATE TABLE attachments (
    id          VARCHAR(36)  NOT NULL,
    session_id  VARCHAR(36)  NOT NULL,
    media_type  VARCHAR(50)  NOT NULL,
    size_bytes  INT          NOT NULL,
    content     LONGBLOB     NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_attachments_session FOREIGN KEY (session_id) REFERENCES chat_sessions (id)
);
CREATE INDEX ix_attachments_session ON attachments (session_id);

ALTER TABLE chat_messages ADD COLUMN attachment_id VARCHAR(36);
