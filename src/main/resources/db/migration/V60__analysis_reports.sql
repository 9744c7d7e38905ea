-- One analysis report per closed attempt. The row is the durable work item: written PENDING by the
-- AttemptSubmitted listener, claimed by one instance at a time (claimed_by/claimed_until), DONE
-- with the report as JSON. source: AI (written by the model) or RULES (the labelled fallback).
CREATE TABLE analysis_report (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    attempt_id       BIGINT       NOT NULL,
    account_id       BIGINT       NOT NULL,
    certification_id BIGINT       NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    source           VARCHAR(16)  NULL,
    fallback_reason  VARCHAR(200) NULL,
    body             MEDIUMTEXT   NULL,
    model_id         VARCHAR(200) NULL,
    input_tokens     INT          NOT NULL DEFAULT 0,
    output_tokens    INT          NOT NULL DEFAULT 0,
    model_calls      INT          NOT NULL DEFAULT 0,
    claimed_by       VARCHAR(100) NULL,
    claimed_until    DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    usage_day        DATE         NOT NULL,
    completed_at     DATETIME(6)  NULL,
    CONSTRAINT uk_analysis_report_attempt UNIQUE (attempt_id),
    KEY ix_analysis_report_pending (status, claimed_until),
    KEY ix_analysis_report_account_day (account_id, usage_day)
);

-- Tokens spent per UTC day and purpose (REPORT, DRAFT), for the global budget and the admin page.
CREATE TABLE analysis_usage (
    usage_day     DATE        NOT NULL,
    purpose       VARCHAR(16) NOT NULL,
    calls         INT         NOT NULL DEFAULT 0,
    input_tokens  BIGINT      NOT NULL DEFAULT 0,
    output_tokens BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (usage_day, purpose)
);
