-- A question is a stable identity; what it says lives in versions. Attempts will point at the
-- exact version they showed, so editing a published question never rewrites history.
CREATE TABLE question (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    certification_id   BIGINT       NOT NULL,
    -- copies of the current version, so the admin list filters and sorts on indexed columns
    domain_id          BIGINT       NOT NULL,
    difficulty         TINYINT      NOT NULL,
    multiple_response  BOOLEAN      NOT NULL,
    stem               TEXT         NOT NULL,
    status             VARCHAR(12)  NOT NULL,
    current_version_id BIGINT       NULL,
    version_count      INT          NOT NULL DEFAULT 1,
    -- a random number fixed at creation: lets the exam draw random questions by index range
    random_key         DOUBLE       NOT NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    lock_version       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT question_certification_fk FOREIGN KEY (certification_id) REFERENCES certification (id),
    CONSTRAINT question_domain_fk FOREIGN KEY (domain_id) REFERENCES exam_domain (id),
    INDEX question_list (certification_id, status, updated_at),
    INDEX question_by_domain (domain_id, status, difficulty),
    INDEX question_by_status (status, updated_at),
    INDEX question_draw (domain_id, status, random_key),
    FULLTEXT INDEX question_stem_text (stem)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE question_version (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    question_id BIGINT       NOT NULL,
    version_no  INT          NOT NULL,
    domain_id   BIGINT       NOT NULL,
    difficulty  TINYINT      NOT NULL,
    title       VARCHAR(200) NULL,
    stem        TEXT         NOT NULL,
    explanation TEXT         NOT NULL,
    refs        TEXT         NOT NULL, -- one https link per line
    tags        VARCHAR(500) NOT NULL, -- comma-separated, lower-case
    created_at  TIMESTAMP(6) NOT NULL,
    created_by  VARCHAR(254) NULL,
    PRIMARY KEY (id),
    CONSTRAINT question_version_no_uk UNIQUE (question_id, version_no),
    CONSTRAINT question_version_question_fk FOREIGN KEY (question_id) REFERENCES question (id),
    CONSTRAINT question_version_domain_fk FOREIGN KEY (domain_id) REFERENCES exam_domain (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE question
    ADD CONSTRAINT question_current_version_fk FOREIGN KEY (current_version_id) REFERENCES question_version (id);

CREATE TABLE question_option (
    id          BIGINT  NOT NULL AUTO_INCREMENT,
    version_id  BIGINT  NOT NULL,
    position    TINYINT NOT NULL,
    text        TEXT    NOT NULL,
    correct     BOOLEAN NOT NULL,
    explanation TEXT    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT question_option_position_uk UNIQUE (version_id, position),
    CONSTRAINT question_option_version_fk FOREIGN KEY (version_id) REFERENCES question_version (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Tags of the current version, for the admin filter.
CREATE TABLE question_tag (
    question_id BIGINT      NOT NULL,
    tag         VARCHAR(40) NOT NULL,
    PRIMARY KEY (question_id, tag),
    INDEX question_tag_by_tag (tag, question_id),
    CONSTRAINT question_tag_question_fk FOREIGN KEY (question_id) REFERENCES question (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
