-- Issue 15, the desk is not an attacker's to fill, and the assistant's budget is counted per session.
-- Whether a visitor may ask for a person before writing anything (by default not).
ALTER TABLE desk_settings ADD COLUMN requests_before_message BOOLEAN NOT NULL DEFAULT FALSE;
-- When the agent's current run of offers began: offers each made within the acceptance time of the one before.
-- An offer that lapses within a run of several does not set the agent away (Routing.lapse, docs/decisions.md).
ALTER TABLE agent_presence ADD COLUMN offer_run_since DATETIME(3);
ALTER TABLE agent_presence ADD COLUMN offers_in_run INT NOT NULL DEFAULT 0;
-- How many events of its kind an unread notification stands for (visitors asking for a person, tickets).
ALTER TABLE notifications ADD COLUMN occurrences INT NOT NULL DEFAULT 1;
-- The assistant's cost per session, and the message that carries an image.
CREATE INDEX ix_bot_answers_session ON bot_answers (session_id);
CREATE INDEX ix_chat_messages_attachment ON chat_messages (attachment_id);
