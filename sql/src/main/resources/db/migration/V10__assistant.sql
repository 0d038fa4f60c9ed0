-- The assistant: its prompts (one row; NULL = the configured default), the welcome message, why a conversation went
-- to a person, and the accuracy log: one row per answer the visitor got from the assistant, one per provider call.
CREATE TABLE assistant_prompts (
    id             INT          NOT NULL,
    system_prompt  TEXT,
    context_limit  INT,
    image_prompt   TEXT,
    updated_at     DATETIME(3)  NOT NULL,
    updated_by     VARCHAR(36),
    PRIMARY KEY (id)
);
INSERT INTO assistant_prompts (id, updated_at) VALUES (1, CURRENT_TIMESTAMP);

ALTER TABLE desk_settings ADD COLUMN welcome_message TEXT;

ALTER TABLE session_transitions ADD COLUMN reason VARCHAR(200);

CREATE TABLE bot_answers (
    id                 VARCHAR(36)   NOT NULL,
    session_id         VARCHAR(36)   NOT NULL,
    message_id         VARCHAR(36),
    response_type      VARCHAR(20)   NOT NULL,
    config_id          VARCHAR(36),
    provider           VARCHAR(20),
    model              VARCHAR(200),
    latency_ms         INT           NOT NULL,
    first_token_ms     INT,
    tokens_in          INT,
    tokens_out         INT,
    confidence         DOUBLE,
    failover_attempts  INT           NOT NULL,
    handoff_reason     VARCHAR(200),
    helpful            BOOLEAN,
    human_mark         VARCHAR(20),
    human_comment      VARCHAR(1000),
    marked_by          VARCHAR(36),
    marked_at          DATETIME(3),
    created_at         DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_bot_answers_created ON bot_answers (created_at);
CREATE INDEX ix_bot_answers_message ON bot_answers (message_id);

CREATE TABLE llm_attempts (
    id          VARCHAR(36)   NOT NULL,
    answer_id   VARCHAR(36)   NOT NULL,
    attempt_no  INT           NOT NULL,
    config_id   VARCHAR(36)   NOT NULL,
    provider    VARCHAR(20)   NOT NULL,
    model       VARCHAR(200)  NOT NULL,
    outcome     VARCHAR(20)   NOT NULL,
    error       VARCHAR(500),
    latency_ms  INT           NOT NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_llm_attempts_provider ON llm_attempts (provider, created_at);
CREATE INDEX ix_llm_attempts_answer ON llm_attempts (answer_id);
