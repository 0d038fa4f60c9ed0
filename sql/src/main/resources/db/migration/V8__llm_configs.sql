-- The LLM fleet: one row per provider configuration. The API key is sealed by the secrets component
-- (envelope encryption, never in clear); the health columns hold the last check's outcome.
CREATE TABLE llm_configs (
    id                 VARCHAR(36)  NOT NULL,
    provider           VARCHAR(20)  NOT NULL,
    model              VARCHAR(200) NOT NULL,
    base_url           VARCHAR(500),
    api_key_sealed     TEXT,
    priority           INT          NOT NULL,
    timeout_ms         INT          NOT NULL,
    enabled            BOOLEAN      NOT NULL,
    active             BOOLEAN      NOT NULL,
    health_status      VARCHAR(20)  NOT NULL,
    health_checked_at  DATETIME(3),
    health_latency_ms  INT,
    health_error       VARCHAR(500),
    created_at         DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_llm_configs_priority ON llm_configs (priority);
