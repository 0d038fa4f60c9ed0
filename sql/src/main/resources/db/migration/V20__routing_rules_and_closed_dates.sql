-- The desk's routing rules and the message shown outside business hours, set by admins in the console. NULL keeps
-- the configured default (parley.routing.*, parley.chat.closed-message), so a fresh desk runs as configured.
ALTER TABLE desk_settings ADD COLUMN routing_strategy VARCHAR(20);
ALTER TABLE desk_settings ADD COLUMN default_capacity INT;
ALTER TABLE desk_settings ADD COLUMN request_timeout_seconds INT;
ALTER TABLE desk_settings ADD COLUMN accept_timeout_seconds INT;
ALTER TABLE desk_settings ADD COLUMN closed_message VARCHAR(2000);

-- Days the desk is closed all day whatever its weekly hours say (holidays), in the desk's time zone.
CREATE TABLE closed_dates (
    id         VARCHAR(36)  NOT NULL,
    closed_on  DATE         NOT NULL,
    name       VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_closed_dates_day UNIQUE (closed_on)
);
