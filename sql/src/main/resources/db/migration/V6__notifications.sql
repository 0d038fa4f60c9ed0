-- What an agent is told: a conversation assigned or transferred to them, a visitor asking for a person.
CREATE TABLE notifications (
    id          VARCHAR(36)  NOT NULL,
    user_id     VARCHAR(36)  NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    text        VARCHAR(500) NOT NULL,
    session_id  VARCHAR(36),
    read_at     DATETIME(3),
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_notifications_user ON notifications (user_id, created_at);
