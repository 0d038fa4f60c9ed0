-- What the chat widget needs of the server: its look, the offline form's tickets, the visitor's rating of a
-- conversation, the name of the agent on each of their messages, and who the visitor was last told joined.

-- The widget's look, one row (id 1): set by admins, read by every visitor's widget (GET /api/widget/config).
CREATE TABLE widget_look (
    id                 INT           NOT NULL,
    title              VARCHAR(60)   NOT NULL,
    color              CHAR(7)       NOT NULL,
    launcher_position  VARCHAR(5)    NOT NULL,
    launcher_text      VARCHAR(40)   NOT NULL,
    logo_url           VARCHAR(500),
    updated_at         DATETIME(3)   NOT NULL,
    updated_by         VARCHAR(36),
    PRIMARY KEY (id)
);
INSERT INTO widget_look (id, title, color, launcher_position, launcher_text, updated_at)
    VALUES (1, 'Chat with us', '#2d5bd3', 'RIGHT', '', CURRENT_TIMESTAMP);

-- Messages visitors leave with the offline form, optionally linked to the conversation they came from.
CREATE TABLE tickets (
    id          VARCHAR(36)   NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    email       VARCHAR(320)  NOT NULL,
    body        TEXT          NOT NULL,
    session_id  VARCHAR(36),
    status      VARCHAR(10)   NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_tickets_session FOREIGN KEY (session_id) REFERENCES chat_sessions (id)
);
CREATE INDEX ix_tickets_created ON tickets (created_at);
CREATE INDEX ix_tickets_status ON tickets (status, created_at);

-- The visitor's rating of the conversation (1 to 5, with an optional comment); rating again replaces it.
ALTER TABLE chat_sessions ADD COLUMN rating INT;
ALTER TABLE chat_sessions ADD COLUMN rating_comment VARCHAR(1000);
ALTER TABLE chat_sessions ADD COLUMN rated_at DATETIME(3);
-- The agent the visitor was last told joined the conversation: nobody is announced twice in a row.
ALTER TABLE chat_sessions ADD COLUMN joined_agent_id VARCHAR(36);

-- The agent's display name as it was when they wrote the message; messages written before are given today's.
ALTER TABLE chat_messages ADD COLUMN author_name VARCHAR(200);
UPDATE chat_messages SET author_name = (SELECT u.name FROM users u WHERE u.id = chat_messages.author_id)
    WHERE sender = 'AGENT';
