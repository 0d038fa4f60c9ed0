-- What the assistant's conversation came to, for the agent who takes it over: written by the LLM fleet when the visitor
-- asks for a person after talking to the assistant (the latest request's), shown at the top of the conversation.
ALTER TABLE chat_sessions ADD COLUMN handoff_summary VARCHAR(1000);
