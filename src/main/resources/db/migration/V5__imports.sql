-- An uploaded file waits here between its preview and the admin's confirmation, so any
-- instance can serve the confirm request (nothing in the HTTP session).
CREATE TABLE import_upload (
    id          VARCHAR(36)  NOT NULL,
    owner       VARCHAR(254) NOT NULL,
    format_id   VARCHAR(20)  NOT NULL,
    file_name   VARCHAR(255) NOT NULL,
    content     LONGBLOB     NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    imported_at TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    INDEX import_upload_by_created (created_at)
) ENGINE=InnoDB;

-- One row per seed file loaded, written in the same transaction as its questions: two instances
-- starting together cannot both load it.
CREATE TABLE bank_seed (
    name      VARCHAR(100) NOT NULL,
    loaded_at TIMESTAMP(6) NOT NULL,
    questions INT          NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB;
