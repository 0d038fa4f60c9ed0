-- Logos an admin uploads for the widget's header and launcher. Kept in the database, like visitors' images, so that
-- every cluster node serves them; named by the SHA-256 of their bytes, so that their public address changes with their
-- content and browsers may keep them for a year. The widget's look names the one in use in widget_look.logo_url
-- (/api/widget/logos/<id>); the others are removed when the look is saved.
CREATE TABLE widget_logos (
    id          CHAR(64)     NOT NULL,
    media_type  VARCHAR(50)  NOT NULL,
    size_bytes  INT          NOT NULL,
    content     LONGBLOB     NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    created_by  VARCHAR(36),
    PRIMARY KEY (id)
);
