-- Chat sessions and their messages.
-- Kept to SQL that MySQL 8, MariaDB 10.11 and H2 2.x (MODE=MySQL) all accept.
-- Ids are assigned by the application (random UUIDs), so any cluster node can create rows.
-- Times are UTC.

CREATE TABLE chat_sessions (
    id              VARCHAR(36)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    token_hash      CHAR(64)     NOT NULL,
    last_seq        BIGINT       NOT NULL,
    visitor_name    VARCHAR(200),
    visitor_email   VARCHAR(320),
    visitor_page    VARCHAR(2000),
    visitor_referrer VARCHAR(2000),
    visitor_locale  VARCHAR(35),
    user_agent      VARCHAR(500),
    created_at      DATETIME(3)  NOT NULL,
    last_activity_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX ix_chat_sessions_status ON chat_sessions (status, last_activity_at);

CREATE TABLE chat_messages (
    id              VARCHAR(36)  NOT NULL,
    session_id      VARCHAR(36)  NOT NULL,
    seq             BIGINT       NOT NULL,
    sender          VARCHAR(10)  NOT NULL,
    body            TEXT         NOT NULL,
    client_msg_id   VARCHAR(64),
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_chat_messages_session FOREIGN KEY (session_id) REFERENCES chat_sessions (id),
    CONSTRAINT uq_chat_messages_seq UNIQUE (session_id, seq),
    CONSTRAINT uq_chat_messages_client_msg UNIQUE (session_id, client_msg_id)
);
