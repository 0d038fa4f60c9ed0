-- Whether an agent takes conversations now, how many at once, and when they last got one (for round-robin).
CREATE TABLE agent_presence (
    user_id           VARCHAR(36) NOT NULL,
    status            VARCHAR(10) NOT NULL,
    capacity          INT         NOT NULL,
    last_assigned_at  DATETIME(3),
    updated_at        DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_agent_presence_user FOREIGN KEY (user_id) REFERENCES users (id)
);
