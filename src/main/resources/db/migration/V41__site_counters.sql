-- Public counters on the home page: one row per counter, incremented atomically
-- (INSERT ... ON DUPLICATE KEY UPDATE n = n + 1), so a page view reads two rows and never counts.
CREATE TABLE site_counter (
    name VARCHAR(20) NOT NULL,
    n    BIGINT      NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Attempts already counted (AttemptSubmitted may be delivered again).
CREATE TABLE site_counted_attempt (
    attempt_id BIGINT NOT NULL,
    PRIMARY KEY (attempt_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Today's visitors as salted hashes of address + user agent (never the address itself); the salt
-- is random per day and both are deleted once the day is over, so a hash cannot be linked later.
CREATE TABLE site_visit_salt (
    day  DATE       NOT NULL,
    salt BINARY(32) NOT NULL,
    PRIMARY KEY (day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE site_visitor (
    day          DATE       NOT NULL,
    visitor_hash BINARY(32) NOT NULL,
    PRIMARY KEY (day, visitor_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Existing submitted attempts count (a one-off COUNT at migration time, never per page view).
INSERT INTO site_counter (name, n)
SELECT 'tests', COUNT(*) FROM attempt WHERE status IN ('SUBMITTED', 'EXPIRED') AND scaled_score IS NOT NULL;
INSERT INTO site_counted_attempt (attempt_id)
SELECT id FROM attempt WHERE status IN ('SUBMITTED', 'EXPIRED') AND scaled_score IS NOT NULL;
INSERT INTO site_counter (name, n) VALUES ('visitors', 0);
