CREATE TABLE attempt (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    account_id       BIGINT       NOT NULL,
    certification_id BIGINT       NOT NULL,
    mode             VARCHAR(12)  NOT NULL, -- READINESS, MOCK (timed); PRACTICE, DRILL, REVIEW (untimed)
    domain_id        BIGINT       NULL,     -- a domain drill's domain
    status           VARCHAR(12)  NOT NULL, -- IN_PROGRESS, SUBMITTED, EXPIRED, ABANDONED
    question_count   INT          NOT NULL,
    started_at       TIMESTAMP(6) NOT NULL,
    deadline_at      TIMESTAMP(6) NULL,     -- the server's clock decides; NULL = untimed
    closed_at        TIMESTAMP(6) NULL,
    correct_count    INT          NULL,
    raw_percent      DECIMAL(5,2) NULL,
    scaled_score     INT          NULL,
    passed           BOOLEAN      NULL,
    -- 1 while a timed attempt is open, NULL otherwise: the unique key allows one open timed
    -- attempt per candidate and certification (NULLs never collide).
    open_timed_slot  TINYINT      NULL,
    PRIMARY KEY (id),
    CONSTRAINT attempt_one_open_timed UNIQUE (account_id, certification_id, open_timed_slot),
    CONSTRAINT attempt_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT attempt_certification_fk FOREIGN KEY (certification_id) REFERENCES certification (id),
    INDEX attempt_overdue (status, deadline_at),
    INDEX attempt_by_account (account_id, started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The questions of an attempt, pointing at the exact versions shown, with the option order
-- (original option positions in display order) and the choice (original positions).
CREATE TABLE attempt_question (
    attempt_id   BIGINT       NOT NULL,
    position     INT          NOT NULL,
    question_id  BIGINT       NOT NULL,
    version_id   BIGINT       NOT NULL,
    domain_id    BIGINT       NOT NULL,
    option_order VARCHAR(40)  NOT NULL,
    selected     VARCHAR(40)  NULL,
    flagged      BOOLEAN      NOT NULL DEFAULT FALSE,
    answered_at  TIMESTAMP(6) NULL,
    checked_at   TIMESTAMP(6) NULL,     -- practice modes: the answer was checked and is locked
    correct      BOOLEAN      NULL,     -- set when checked (practice) or when the attempt closes
    PRIMARY KEY (attempt_id, position),
    CONSTRAINT attempt_question_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempt (id),
    CONSTRAINT attempt_question_version_fk FOREIGN KEY (version_id) REFERENCES question_version (id),
    INDEX attempt_question_by_question (question_id),
    INDEX attempt_question_graded (question_id, correct)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
