-- Item statistics per question version (Moodle's quiz statistics), written by bank's
-- ItemStatistics job from exam's graded responses (read through the bank.ItemResponses SPI).
-- The whole set is replaced in one transaction per run; pages only read these tables.
CREATE TABLE item_statistics (
    version_id     BIGINT        NOT NULL PRIMARY KEY,
    question_id    BIGINT        NOT NULL,
    attempts       INT           NOT NULL, -- first attempts (one per candidate) that showed the version
    facility       DOUBLE        NOT NULL, -- % of the max mark, 0..100
    sd             DOUBLE        NULL,     -- % of the max mark; NULL below 2 attempts
    discrimination DOUBLE        NULL,     -- 100 x correlation with the rest of the test; NULL when undefined
    efficiency     DOUBLE        NULL,     -- 100 x cov / cov_max; NULL when undefined
    strong_count   INT           NOT NULL, -- attempts in the top third by rest-of-test score
    needs_checking BOOLEAN       NOT NULL,
    reasons        VARCHAR(1000) NULL,     -- why, in sentences, one per line
    computed_at    DATETIME(6)   NOT NULL,
    KEY ix_item_statistics_question (question_id),
    KEY ix_item_statistics_flag (needs_checking, discrimination)
);

-- How often each option of a version was chosen in those attempts, and by the strong third.
CREATE TABLE item_option_statistics (
    version_id       BIGINT  NOT NULL,
    position         TINYINT NOT NULL, -- the bank's original numbering (0 = A)
    correct          BOOLEAN NOT NULL,
    chosen           INT     NOT NULL,
    chosen_by_strong INT     NOT NULL,
    PRIMARY KEY (version_id, position)
);

-- One row: the claim that lets one instance at a time recompute (claimed_by/claimed_until, like
-- analysis' report jobs), and the figures of the last run for the admin page.
CREATE TABLE item_statistics_run (
    id            TINYINT      NOT NULL PRIMARY KEY,
    claimed_by    VARCHAR(100) NULL,
    claimed_until DATETIME(6)  NULL,
    finished_at   DATETIME(6)  NULL,
    responses     BIGINT       NULL,
    versions      INT          NULL,
    duration_ms   BIGINT       NULL
);
INSERT INTO item_statistics_run (id) VALUES (1);
