CREATE TABLE account (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    email          VARCHAR(254) NOT NULL,
    -- lower-cased email: the unique key, so Alice@x.com and alice@x.com are one account
    email_key      VARCHAR(254) NOT NULL,
    display_name   VARCHAR(60)  NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    time_zone      VARCHAR(64)  NOT NULL DEFAULT 'UTC',
    created_at     TIMESTAMP(6) NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT account_email_key_uk UNIQUE (email_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per failed login, keyed by the lower-cased email typed (known account or not), so
-- every instance sees the same count.
CREATE TABLE login_failure (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    email_key  VARCHAR(254) NOT NULL,
    failed_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    INDEX login_failure_by_email (email_key, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
