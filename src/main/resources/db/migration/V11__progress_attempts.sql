-- Progress keeps its own record of every scored attempt, filled from AttemptSubmitted events.
-- One row per attempt (the primary key), so an event delivered twice counts once. The day is the
-- candidate's local day when the attempt closed: the basis of streaks.
CREATE TABLE progress_attempt (
    attempt_id       BIGINT       NOT NULL,
    account_id       BIGINT       NOT NULL,
    certification_id BIGINT       NOT NULL,
    mode             VARCHAR(12)  NOT NULL,
    local_day        DATE         NOT NULL,
    questions        INT          NOT NULL,
    correct          INT          NOT NULL,
    scaled_score     INT          NOT NULL,
    passed           BOOLEAN      NOT NULL,
    closed_at        TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (attempt_id),
    INDEX progress_attempt_by_account (account_id, local_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
