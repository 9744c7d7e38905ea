package com.cloudsquad.progress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the progress tables (all of them are progress's own; exam's are never read). */
@Repository
class ProgressStore {

    private final JdbcClient jdbc;

    ProgressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the attempt for progress: false when it was recorded before (a re-delivered event). */
    boolean claimAttempt(
            long attemptId,
            long accountId,
            long certificationId,
            String mode,
            LocalDate day,
            int questions,
            int correct,
            int scaledScore,
            boolean passed,
            Instant closedAt,
            int answered,
            int xp) {
        return jdbc.sql("""
                        INSERT IGNORE INTO progress_attempt (attempt_id, account_id, certification_id, mode, local_day,
                                                             questions, correct, scaled_score, passed, closed_at,
                                                             answered, xp)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                attemptId,
                                accountId,
                                certificationId,
                                mode,
                                Date.valueOf(day),
                                questions,
                                correct,
                                scaledScore,
                                passed,
                                Timestamp.from(closedAt),
                                answered,
                                xp)
                        .update()
                == 1;
    }

    /**
     * Adds XP and answers and stamps the candidate's progress with a new {@code revision} (every
     * change to it happens in the transaction that calls this); returns the new totals.
     */
    long[] addToAccount(long accountId, int xp, int answered, long revision) {
        jdbc.sql("""
                        INSERT INTO progress_account (account_id, xp, answered, revision) VALUES (?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE xp = xp + ?, answered = answered + ?, revision = ?""")
                .params(accountId, xp, answered, revision, xp, answered, revision)
                .update();
        return totals(accountId);
    }

    /** XP, answers and the revision of the candidate's progress (0, 0, 0 before the first attempt). */
    long[] totals(long accountId) {
        return jdbc.sql("SELECT xp, answered, revision FROM progress_account WHERE account_id = ?")
                .param(accountId)
                .query((rs, n) -> new long[] {rs.getLong("xp"), rs.getLong("answered"), rs.getLong("revision")})
                .optional()
                .orElse(new long[] {0, 0, 0});
    }

    void addToDay(long accountId, LocalDate day, int answered) {
        jdbc.sql("""
                        INSERT INTO progress_day (account_id, local_day, answered) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE answered = answered + ?""").params(accountId, Date.valueOf(day), answered, answered).update();
    }

    /** The days on or before {@code until} with at least {@code minimum} answers, latest first. */
    List<LocalDate> activeDays(long accountId, LocalDate until, int minimum, int limit) {
        return jdbc.sql("""
                        SELECT local_day FROM progress_day
                        WHERE account_id = ? AND local_day <= ? AND answered >= ?
                        ORDER BY local_day DESC LIMIT ?""")
                .params(accountId, Date.valueOf(until), minimum, limit)
                .query((rs, n) -> rs.getDate("local_day").toLocalDate())
                .list();
    }

    /** Folds {@code count} newer answers into a domain's decayed sums in one atomic statement. */
    void addToDomain(long accountId, long domainId, long certificationId, Mastery delta) {
        double decay = Math.pow(Mastery.DECAY, delta.answers());
        jdbc.sql("""
                        INSERT INTO progress_domain (account_id, domain_id, certification_id, weight_sum, right_sum,
                                                     difficulty_sum, weight_sq_sum, answers)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE weight_sum = weight_sum * ? + ?, right_sum = right_sum * ? + ?,
                                                difficulty_sum = difficulty_sum * ? + ?,
                                                weight_sq_sum = weight_sq_sum * ? + ?, answers = answers + ?""")
                .params(
                        accountId,
                        domainId,
                        certificationId,
                        delta.weightSum(),
                        delta.rightSum(),
                        delta.difficultySum(),
                        delta.weightSqSum(),
                        delta.answers(),
                        decay,
                        delta.weightSum(),
                        decay,
                        delta.rightSum(),
                        decay,
                        delta.difficultySum(),
                        decay * decay,
                        delta.weightSqSum(),
                        delta.answers())
                .update();
    }

    record DomainRow(long domainId, Mastery mastery, int level) {}

    private static final String DOMAIN_COLUMNS =
            "SELECT domain_id, weight_sum, right_sum, difficulty_sum, weight_sq_sum, answers, level"
                    + " FROM progress_domain WHERE account_id = ? AND ";

    private static final org.springframework.jdbc.core.RowMapper<DomainRow> DOMAIN_ROW = (rs, n) -> new DomainRow(
            rs.getLong("domain_id"),
            new Mastery(
                    rs.getDouble("weight_sum"),
                    rs.getDouble("right_sum"),
                    rs.getDouble("difficulty_sum"),
                    rs.getDouble("weight_sq_sum"),
                    rs.getInt("answers")),
            rs.getInt("level"));

    List<DomainRow> domains(long accountId, long certificationId) {
        return jdbc.sql(DOMAIN_COLUMNS + "certification_id = ?")
                .params(accountId, certificationId)
                .query(DOMAIN_ROW)
                .list();
    }

    Optional<DomainRow> domain(long accountId, long domainId) {
        return jdbc.sql(DOMAIN_COLUMNS + "domain_id = ?")
                .params(accountId, domainId)
                .query(DOMAIN_ROW)
                .optional();
    }

    void setLevel(long accountId, long domainId, int level) {
        jdbc.sql("UPDATE progress_domain SET level = ? WHERE account_id = ? AND domain_id = ?")
                .params(level, accountId, domainId)
                .update();
    }

    /** Awards once: false when the candidate had it already. */
    boolean award(long accountId, Achievement achievement, long certificationId, long attemptId, Instant at) {
        return jdbc.sql("""
                        INSERT IGNORE INTO progress_achievement (account_id, code, certification_id, attempt_id, earned_at)
                        VALUES (?, ?, ?, ?, ?)""")
                        .params(accountId, achievement.name(), certificationId, attemptId, Timestamp.from(at))
                        .update()
                == 1;
    }

    record Earned(Achievement achievement, long certificationId, long attemptId, Instant earnedAt) {}

    List<Earned> achievements(long accountId) {
        return jdbc.sql("""
                        SELECT code, certification_id, attempt_id, earned_at FROM progress_achievement
                        WHERE account_id = ? ORDER BY earned_at DESC""")
                .param(accountId)
                .query((rs, n) -> new Earned(
                        Achievement.valueOf(rs.getString("code")),
                        rs.getLong("certification_id"),
                        rs.getLong("attempt_id"),
                        rs.getTimestamp("earned_at").toInstant()))
                .list();
    }

    List<Earned> achievementsOf(long attemptId) {
        return jdbc.sql("""
                        SELECT code, certification_id, attempt_id, earned_at FROM progress_achievement
                        WHERE attempt_id = ? ORDER BY code""")
                .param(attemptId)
                .query((rs, n) -> new Earned(
                        Achievement.valueOf(rs.getString("code")),
                        rs.getLong("certification_id"),
                        rs.getLong("attempt_id"),
                        rs.getTimestamp("earned_at").toInstant()))
                .list();
    }

    record AttemptRow(
            long attemptId,
            long accountId,
            long certificationId,
            String mode,
            int questions,
            int correct,
            int scaledScore,
            boolean passed,
            Instant closedAt,
            int xp) {}

    Optional<AttemptRow> attempt(long attemptId) {
        return jdbc.sql("SELECT * FROM progress_attempt WHERE attempt_id = ?")
                .param(attemptId)
                .query(ProgressStore::attemptRow)
                .optional();
    }

    /** The candidate's latest attempts in a certification, newest first. */
    List<AttemptRow> recentAttempts(long accountId, long certificationId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM progress_attempt WHERE account_id = ? AND certification_id = ?
                        ORDER BY closed_at DESC LIMIT ?""")
                .params(accountId, certificationId, limit)
                .query(ProgressStore::attemptRow)
                .list();
    }

    /** The certification the candidate last worked on, if any. */
    Optional<Long> lastCertification(long accountId) {
        return jdbc.sql("""
                        SELECT certification_id FROM progress_attempt WHERE account_id = ?
                        ORDER BY local_day DESC LIMIT 1""").param(accountId).query(Long.class).optional();
    }

    /** Empties every progress table (before a rebuild). */
    void clear() {
        for (String table : List.of(
                "progress_achievement", "progress_domain", "progress_day", "progress_account", "progress_attempt")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    private static AttemptRow attemptRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AttemptRow(
                rs.getLong("attempt_id"),
                rs.getLong("account_id"),
                rs.getLong("certification_id"),
                rs.getString("mode"),
                rs.getInt("questions"),
                rs.getInt("correct"),
                rs.getInt("scaled_score"),
                rs.getBoolean("passed"),
                rs.getTimestamp("closed_at").toInstant(),
                rs.getInt("xp"));
    }
}
