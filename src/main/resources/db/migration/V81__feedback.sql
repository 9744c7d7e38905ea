-- Platform reviews (one per candidate) and problem reports on question versions. Owned by the
-- feedback module: Reviews writes review and review_star_count, ProblemReports writes problem_report.

CREATE TABLE review (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id     BIGINT        NOT NULL,
    stars          TINYINT       NOT NULL,
    body           VARCHAR(2000) NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    -- hidden by an admin: off the public page and out of the average; the author sees why
    hidden         BOOLEAN       NOT NULL DEFAULT FALSE,
    hidden_reason  VARCHAR(500)  NULL,
    hidden_at      DATETIME(6)   NULL,
    CONSTRAINT review_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT review_one_per_account UNIQUE (account_id),
    CONSTRAINT review_stars_range CHECK (stars BETWEEN 1 AND 5),
    -- the public page's three orders, each read straight off an index
    KEY ix_review_newest (hidden, created_at, id),
    KEY ix_review_stars (hidden, stars, created_at, id)
);

-- Visible reviews per star, kept in the same transaction as every review change, so the home
-- page's average and the distribution are five primary-key rows whatever the number of reviews.
CREATE TABLE review_star_count (
    stars   TINYINT NOT NULL PRIMARY KEY,
    reviews INT     NOT NULL
);
INSERT INTO review_star_count (stars, reviews) VALUES (1, 0), (2, 0), (3, 0), (4, 0), (5, 0);

CREATE TABLE problem_report (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id       BIGINT        NOT NULL,
    question_id      BIGINT        NOT NULL,
    -- the exact version the candidate saw, and where: attempt and position
    version_id       BIGINT        NOT NULL,
    attempt_id       BIGINT        NOT NULL,
    position         INT           NOT NULL,
    reason           VARCHAR(20)   NOT NULL,
    comment          VARCHAR(2000) NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    -- how many times the candidate sent it (a second report on the same version is merged)
    submissions      INT           NOT NULL DEFAULT 1,
    decided_at       DATETIME(6)   NULL,
    decided_by       VARCHAR(320)  NULL,
    decision_note    VARCHAR(1000) NULL,
    CONSTRAINT problem_report_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT problem_report_version_fk FOREIGN KEY (version_id) REFERENCES question_version (id),
    CONSTRAINT problem_report_once_per_version UNIQUE (account_id, version_id),
    KEY ix_problem_report_queue (status, created_at, id),
    KEY ix_problem_report_question (question_id, status),
    KEY ix_problem_report_mine (account_id, created_at)
);
