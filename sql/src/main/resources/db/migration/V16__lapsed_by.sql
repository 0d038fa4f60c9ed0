-- The agent who last let a waiting conversation lapse: routing never offers it straight back to them, whichever
-- conversation's move drains the queue (a lapse of another one, someone ending theirs).
ALTER TABLE chat_sessions ADD COLUMN lapsed_by VARCHAR(36);
