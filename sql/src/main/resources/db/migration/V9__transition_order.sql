-- The order of a session's status changes, kept apart from their times: times are stored to the millisecond on MySQL 8
-- and H2, but MySQL Connector/J writes them to the second on MariaDB 10.x (it reads the server's "5.5.5-" version
-- prefix as MySQL 5.5, which had no fractional seconds), so two moves within one second would tie.
-- seq counts a session's moves from 1; rows written before this migration keep 0 and their time order.
ALTER TABLE chat_sessions ADD COLUMN moves INT NOT NULL DEFAULT 0;
ALTER TABLE session_transitions ADD COLUMN seq INT NOT NULL DEFAULT 0;
