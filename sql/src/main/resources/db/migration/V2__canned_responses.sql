-- Canned responses answered by the auto-reply engine before any LLM is asked.
-- match_type: 'EXACT'   the whole message equals trigger_text (case and punctuation ignored)
--             'PARTIAL' the message contains trigger_text as a phrase
--             'KEYWORD' trigger_text is a comma-separated list; any one word of it in the message matches

CREATE TABLE canned_responses (
    id              VARCHAR(36)  NOT NULL,
    trigger_text    VARCHAR(500) NOT NULL,
    response_text   TEXT         NOT NULL,
    match_type      VARCHAR(10)  NOT NULL,
    active          BOOLEAN      NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
);

INSERT INTO canned_responses (id, trigger_text, response_text, match_type, active, created_at, updated_at) VALUES
('0b6f3c1e-6a35-4d0e-9a11-5d1f6c2a0001', 'hello',
 'Hello! I am the Parley assistant. How can I help you today?', 'EXACT', TRUE, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
('0b6f3c1e-6a35-4d0e-9a11-5d1f6c2a0002', 'hi',
 'Hi there! What can I do for you?', 'EXACT', TRUE, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
('0b6f3c1e-6a35-4d0e-9a11-5d1f6c2a0003', 'opening hours',
 'Our support team is available Monday to Friday, 9:00 to 17:00.', 'PARTIAL', TRUE, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
('0b6f3c1e-6a35-4d0e-9a11-5d1f6c2a0004', 'reset my password',
 'You can reset your password from the sign-in page: choose "Forgot password" and follow the link we e-mail you.', 'PARTIAL', TRUE, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
('0b6f3c1e-6a35-4d0e-9a11-5d1f6c2a0005', 'price,prices,pricing,cost,plans',
 'You will find our plans and prices on the pricing page. Would you like me to connect you with sales?', 'KEYWORD', TRUE, '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
('0b6f3c1e-6a35-4d0e-9a11-5d1f6c2a0006', 'thanks,thank,thx',
 'You are welcome! Is there anything else I can help with?', 'KEYWORD', TRUE, '2026-01-01 00:00:00', '2026-01-01 00:00:00');
