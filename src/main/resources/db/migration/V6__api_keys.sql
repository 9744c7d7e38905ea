-- Keys for the automation API. Only a SHA-256 of the key is kept (a key is 256 random bits, so a
-- fast hash is enough); the prefix lets admins tell keys apart.
CREATE TABLE api_key (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    name         VARCHAR(80)  NOT NULL,
    prefix       VARCHAR(12)  NOT NULL,
    key_hash     CHAR(64)     NOT NULL,
    created_by   VARCHAR(254) NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    last_used_at TIMESTAMP(6) NULL,
    revoked_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT api_key_hash_uk UNIQUE (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Requests per key per minute, shared by every instance.
CREATE TABLE api_rate (
    api_key_id   BIGINT    NOT NULL,
    window_start TIMESTAMP NOT NULL,
    requests     INT       NOT NULL,
    PRIMARY KEY (api_key_id, window_start)
) ENGINE=InnoDB;
