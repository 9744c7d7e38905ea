package com.cloudsquad.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The account table. Changes to what an account may do (verified address, granted admin, disabled)
 * are conditional single-row updates that also move the optimistic-lock version, so a profile save
 * racing with them fails instead of writing the old values back.
 */
interface AccountRepository extends ListCrudRepository<Account, Long> {

    Optional<Account> findByEmailKey(String emailKey);

    /** The access check of every logged-in request ({@link AccessRefreshFilter}): no aggregate mapping, no transaction. */
    @Query(
            value = "SELECT " + AccessState.COLUMNS + " FROM account WHERE id = :id",
            rowMapperClass = AccessState.Mapper.class)
    Optional<AccessState> findAccessState(long id);

    boolean existsByEmailKey(String emailKey);

    @Modifying
    @Query("""
            UPDATE account SET email_verified_at = :at, version = version + 1
            WHERE id = :id AND email_key = :emailKey AND email_verified_at IS NULL""")
    boolean markEmailVerified(long id, String emailKey, Instant at);

    @Modifying
    @Query("""
            UPDATE account SET admin_granted = TRUE, version = version + 1
            WHERE id = :id AND admin_granted = FALSE AND email_verified_at IS NOT NULL AND disabled = FALSE""")
    boolean grantAdmin(long id);

    @Modifying
    @Query("UPDATE account SET disabled = :disabled, version = version + 1 WHERE id = :id AND disabled <> :disabled")
    boolean setDisabled(long id, boolean disabled);

    @Modifying
    @Query("UPDATE account SET admin_granted = FALSE, version = version + 1 WHERE id = :id AND admin_granted = TRUE")
    boolean revokeAdmin(long id);

    /** Granted admins that count: confirmed and enabled (a range on {@code account_by_admin}). */
    @Query("""
            SELECT id FROM account
            WHERE admin_granted = TRUE AND disabled = FALSE AND email_verified_at IS NOT NULL""")
    List<Long> grantedAdminIds();

    /**
     * Accounts whose email key or display name starts with {@code prefix} (a LIKE pattern ending in
     * {@code %}), by email: each branch is an index range ({@code account_email_key_uk}, {@code
     * account_by_name}) cut to the rows the page can need, so an OR never turns into a sort of
     * every account (issue 14: 100,000 accounts).
     */
    @Query("""
            SELECT a.* FROM (
                (SELECT id, email_key FROM account WHERE email_key LIKE :prefix ORDER BY email_key LIMIT :window)
                UNION
                (SELECT id, email_key FROM account WHERE display_name LIKE :prefix ORDER BY email_key LIMIT :window)
            ) found JOIN account a ON a.id = found.id
            ORDER BY found.email_key LIMIT :limit OFFSET :offset""")
    List<Account> searchByPrefix(String prefix, int window, int limit, int offset);

    /**
     * Every account by email, one page: the ids come from a walk of the unique email index (which
     * holds the id), and only the page's rows are read in full.
     */
    @Query("""
            SELECT a.* FROM (SELECT id, email_key FROM account ORDER BY email_key LIMIT :limit OFFSET :offset) page
            JOIN account a ON a.id = page.id ORDER BY page.email_key""")
    List<Account> pageByEmail(int limit, int offset);

    @Query("SELECT COUNT(*) FROM account WHERE admin_granted = TRUE AND disabled = FALSE")
    long countGrantedAdmins();
}
