-- The desk's settings, one row: whether the assistant takes a conversation back when an agent lets go of it, and
-- whether the desk keeps business hours (in which time zone). The hours themselves: one row per opening period.
CREATE TABLE desk_settings (
    id                       INT          NOT NULL,
    ai_resumes_after_agent   BOOLEAN      NOT NULL,
    business_hours_enabled   BOOLEAN      NOT NULL,
    time_zone                VARCHAR(64)  NOT NULL,
    updated_at               DATETIME(3)  NOT NULL,
    updated_by               VARCHAR(36),
    PRIMARY KEY (id)
);
INSERT INTO desk_settings (id, ai_resumes_after_agent, business_hours_enabled, time_zone, updated_at)
    VALUES (1, FALSE, FALSE, 'UTC', CURRENT_TIMESTAMP);

CREATE TABLE business_hours (
    id           VARCHAR(36) NOT NULL,
    day_of_week  VARCHAR(9)  NOT NULL,
    opens_at     TIME        NOT NULL,
    closes_at    TIME        NOT NULL,
    PRIMARY KEY (id)
);

-- The two clocks of a request for a person: since when the visitor waits (the countdown they see), and when the
-- session was given to its agent and whether the agent took it up (an assignment nobody takes up moves on).
ALTER TABLE chat_sessions ADD COLUMN waiting_since DATETIME(3);
ALTER TABLE chat_sessions ADD COLUMN assigned_at DATETIME(3);
ALTER TABLE chat_sessions ADD COLUMN accepted_at DATETIME(3);
CREATE INDEX ix_chat_sessions_waiting ON chat_sessions (status, waiting_since);
