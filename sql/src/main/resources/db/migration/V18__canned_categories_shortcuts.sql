-- Canned responses gain what the system Parley replaces had: a category (free text, to group and filter them in the
-- console) and a slash shortcut (what an agent types after "/" in the composer, e.g. "refund": letters, digits, - and _,
-- stored in lower case without the slash). A shortcut names one response at most; NULL is none (many may have none).
ALTER TABLE canned_responses ADD COLUMN category VARCHAR(100);
ALTER TABLE canned_responses ADD COLUMN shortcut VARCHAR(50);
CREATE UNIQUE INDEX ux_canned_responses_shortcut ON canned_responses (shortcut);
CREATE INDEX ix_canned_responses_category ON canned_responses (category);
