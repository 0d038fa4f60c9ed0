-- The primary of the LLM fleet is the first enabled configuration in the order tried (priority), no longer a flag of
-- its own: the configuration that was active moves to the front, the others keep their order behind it.
UPDATE llm_configs SET priority = LEAST(priority + 1, 1000) WHERE active = FALSE;
UPDATE llm_configs SET priority = 0 WHERE active = TRUE;
ALTER TABLE llm_configs DROP COLUMN active;

-- The accuracy log's figures per configuration (the fleet's page shows each configuration's calls, errors, latency).
CREATE INDEX ix_llm_attempts_config ON llm_attempts (config_id, created_at);
