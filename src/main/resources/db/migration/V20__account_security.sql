-- Issue 15. Email keys compare exactly: the app normalises them (trim, Unicode NFC, lower case)
-- and the column compares bytes, so chief@ and chíef@ are two accounts (utf8mb4_unicode_ci made
-- them one). V21 re-normalises existing keys to NFC.
ALTER TABLE account
    MODIFY email_key VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ADD COLUMN email_verified_at TIMESTAMP(6) NULL,
    ADD COLUMN admin_granted BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;

-- The session's principal is the email key: up to 254 characters, compared exactly (logging out
-- the other sessions of chief@ must not touch chíef@'s).
ALTER TABLE SPRING_SESSION
    MODIFY PRINCIPAL_NAME VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;

-- One row per failure made the throttle a read-then-insert race (and range deletes deadlocked).
-- Now one row per throttled key, claimed with a conditional update (compare-and-set).
DROP TABLE login_failure;

CREATE TABLE login_throttle (
    -- 'account:<email key>', 'device:<hash>', 'password-check:<account id>'
    throttle_key  VARCHAR(320)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    failures      INT           NOT NULL,
    blocked_until TIMESTAMP(6)  NOT NULL,
    updated_at    TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (throttle_key),
    INDEX login_throttle_by_update (updated_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Requests per client address and time window (login and registration rate limits).
CREATE TABLE request_rate (
    bucket         VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    hits           INT          NOT NULL,
    window_ends_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (bucket),
    INDEX request_rate_by_end (window_ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Email verification links: only the SHA-256 of the token is stored; a row is deleted when used.
CREATE TABLE email_verification (
    token_hash CHAR(64)     CHARACTER SET ascii NOT NULL,
    account_id BIGINT       NOT NULL,
    email_key  VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (token_hash),
    INDEX email_verification_by_account (account_id),
    CONSTRAINT email_verification_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Browsers that logged in successfully (a cookie holds the token, this table its hash): their
-- logins are throttled apart from strangers', so nobody can lock the owner out.
CREATE TABLE login_device (
    token_hash   CHAR(64)     CHARACTER SET ascii NOT NULL,
    email_key    VARCHAR(254) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    last_used_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (token_hash),
    INDEX login_device_by_use (last_used_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The one-time token that makes the first admin (printed in the log while no admin exists). At
-- most one row (id = 1), so of two instances or two redeemers exactly one wins.
CREATE TABLE admin_bootstrap_token (
    id         TINYINT      NOT NULL,
    token_hash CHAR(64)     CHARACTER SET ascii NOT NULL,
    expires_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;
