-- Human agents in conversations: who owns a session, how it moved between states, who wrote a message,
-- and notes agents keep for each other (never shown to the visitor).

ALTER TABLE chat_sessions ADD COLUMN assigned_agent_id VARCHAR(36);
CREATE INDEX ix_chat_sessions_agent ON chat_sessions (assigned_agent_id, status);

ALTER TABLE chat_messages ADD COLUMN author_id VARCHAR(36);

-- every change of a session's status, with its time: first-response and resolution times come from here
CREATE TABLE session_transitions (
    id           VARCHAR(36) NOT NULL,
    session_id   VARCHAR(36) NOT NULL,
    from_status  VARCHAR(20) NOT NULL,
    to_status    VARCHAR(20) NOT NULL,
    agent_id     VARCHAR(36),
    actor_id     VARCHAR(36),
    changed_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_session_transitions_session FOREIGN KEY (session_id) REFERENCES chat_sessions (id)
);
CREATE INDEX ix_session_transitions_session ON session_transitions (session_id, changed_at);

CREATE TABLE internal_notes (
    id          VARCHAR(36) NOT NULL,
    session_id  VARCHAR(36) NOT NULL,
    author_id   VARCHAR(36) NOT NULL,
    body        TEXT        NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_internal_notes_session FOREIGN KEY (session_id) REFERENCES chat_sessions (id)
);
CREATE INDEX ix_internal_notes_session ON internal_notes (session_id, created_at);
