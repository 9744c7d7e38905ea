-- Progress aggregates, maintained per AttemptSubmitted (once per attempt: progress_attempt's key),
-- so the dashboard reads a few small rows and never scans answers.

-- XP earned by each attempt (the results page announces it) and the dashboard's trend/recent list.
ALTER TABLE progress_attempt ADD COLUMN xp INT NOT NULL DEFAULT 0;
ALTER TABLE progress_attempt ADD COLUMN answered INT NOT NULL DEFAULT 0;
CREATE INDEX progress_attempt_by_certification ON progress_attempt (account_id, certification_id, closed_at);

-- Totals per candidate.
CREATE TABLE progress_account (
    account_id BIGINT NOT NULL,
    xp         BIGINT NOT NULL,
    answered   INT    NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Questions answered per local day (the candidate's zone when the attempt closed): streaks.
CREATE TABLE progress_day (
    account_id BIGINT NOT NULL,
    local_day  DATE   NOT NULL,
    answered   INT    NOT NULL,
    PRIMARY KEY (account_id, local_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Mastery per domain as exponentially decayed sums over graded answers (factor 0.97 per answer):
-- weight_sum = sum of weights, right_sum = weighted right answers, difficulty_sum = weighted
-- difficulty, weight_sq_sum = sum of squared weights (the effective number of answers).
CREATE TABLE progress_domain (
    account_id       BIGINT  NOT NULL,
    domain_id        BIGINT  NOT NULL,
    certification_id BIGINT  NOT NULL,
    weight_sum       DOUBLE  NOT NULL,
    right_sum        DOUBLE  NOT NULL,
    difficulty_sum   DOUBLE  NOT NULL,
    weight_sq_sum    DOUBLE  NOT NULL,
    answers          INT     NOT NULL,
    level            TINYINT NOT NULL DEFAULT 2,
    PRIMARY KEY (account_id, domain_id),
    INDEX progress_domain_by_certification (account_id, certification_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Achievements, each earned once (per certification where it depends on one; 0 otherwise).
CREATE TABLE progress_achievement (
    account_id       BIGINT       NOT NULL,
    code             VARCHAR(40)  NOT NULL,
    certification_id BIGINT       NOT NULL DEFAULT 0,
    attempt_id       BIGINT       NOT NULL,
    earned_at        TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (account_id, code, certification_id),
    INDEX progress_achievement_by_attempt (attempt_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
