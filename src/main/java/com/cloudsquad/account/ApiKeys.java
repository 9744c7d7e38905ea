package com.cloudsquad.account;

import com.cloudsquad.platform.AdminAudit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys that admins create and revoke; shown once, stored hashed, rate-limited per minute. */
@Service
class ApiKeys {

    static final String PREFIX = "csq_";
    static final int REQUESTS_PER_MINUTE = 120;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdminAudit audit;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, Clock clock, AdminAudit audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Creates a key and returns it in clear: the only time anyone sees it. */
    @Transactional
    String create(String name, String createdBy) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        INSERT INTO api_key (name, prefix, key_hash, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(name.strip(), key.substring(0, 10), hash(key), createdBy, Timestamp.from(clock.instant()))
                .update();
        audit.record("api-key.create", "API key " + key.substring(0, 10) + "…", "Named “" + name.strip() + "”.");
        return key;
    }

    @Transactional
    void revoke(long id) {
        int revoked = jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        if (revoked == 1) {
            audit.record("api-key.revoke", "API key " + id, "Revoked: it no longer works.");
        }
    }

    @Transactional(readOnly = true)
    List<ApiKey> all() {
        return jdbc.sql("""
                        SELECT id, name, prefix, created_by, created_at, last_used_at, revoked_at
                        FROM api_key ORDER BY revoked_at IS NULL DESC, created_at DESC""")
                .query((rs, n) -> new ApiKey(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at") == null
                                ? null
                                : rs.getTimestamp("last_used_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null
                                ? null
                                : rs.getTimestamp("revoked_at").toInstant()))
                .list();
    }

    /** The live key matching a presented secret, if any. */
    @Transactional
    Optional<ApiKey> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiKey> key = jdbc.sql("""
                        SELECT id, name, prefix, created_by, created_at, last_used_at, revoked_at
                        FROM api_key WHERE key_hash = ? AND revoked_at IS NULL""")
                .param(hash(presented))
                .query((rs, n) -> new ApiKey(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant(),
                        null,
                        null))
                .optional();
        key.ifPresent(k -> jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), k.id())
                .update());
        return key;
    }

    /**
     * Counts one request in the key's current minute; false when the key is over its limit. The
     * upsert is atomic, so instances sharing the database share the count.
     */
    @Transactional
    boolean tryAcquire(long keyId) {
        Instant window = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        jdbc.sql("""
                        INSERT INTO api_rate (api_key_id, window_start, requests) VALUES (?, ?, 1)
                        ON DUPLICATE KEY UPDATE requests = requests + 1""").params(keyId, Timestamp.from(window)).update();
        int requests = jdbc.sql("SELECT requests FROM api_rate WHERE api_key_id = ? AND window_start = ?")
                .params(keyId, Timestamp.from(window))
                .query(Integer.class)
                .single();
        jdbc.sql("DELETE FROM api_rate WHERE api_key_id = ? AND window_start < ?")
                .params(keyId, Timestamp.from(window.minus(1, ChronoUnit.HOURS)))
                .update();
        return requests <= REQUESTS_PER_MINUTE;
    }

    /** Seconds until the next minute window opens. */
    long secondsToNextWindow() {
        Instant now = clock.instant();
        return Math.max(1, 60 - now.getEpochSecond() % 60);
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record ApiKey(
            long id,
            String name,
            String prefix,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {}
}
