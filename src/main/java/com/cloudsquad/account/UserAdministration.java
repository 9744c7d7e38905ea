package com.cloudsquad.account;

import com.cloudsquad.platform.AdminAudit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to accounts: disable and enable them, make and remove admins. Every change is
 * written to the audit log in its transaction. Changes of who may administer first lock the one
 * row of {@code admin_role_lock}, then read committed data: two admins removing (or disabling)
 * each other at once are serialised, and the second finds it is no longer an admin. Roles and the
 * disabled state reach the affected user's next request through {@link AccessRefreshFilter}.
 */
@Service
class UserAdministration {

    /** Why a change was refused, as the admin reads it (a message key's text is in the enum). */
    enum Refusal {
        SELF_DISABLE("You cannot disable your own account."),
        LAST_ADMIN("This is the last admin: make someone else admin first."),
        LISTED_ADMIN("This account is an admin through APP_ADMIN_EMAILS; remove it from that setting instead."),
        NOT_CONFIRMED("Only an account with a confirmed email address can be made admin."),
        DISABLED("A disabled account cannot be made admin; enable it first."),
        NO_LONGER_ADMIN("You are no longer an admin, so nothing was changed."),
        NOTHING_TO_DO("Nothing changed: the account was already in that state.");

        final String message;

        Refusal(String message) {
            this.message = message;
        }
    }

    /** A change that happened (empty refusal) or did not (with the reason). */
    record Outcome(Optional<Refusal> refusal) {
        static final Outcome DONE = new Outcome(Optional.empty());

        static Outcome refused(Refusal refusal) {
            return new Outcome(Optional.of(refusal));
        }

        boolean done() {
            return refusal.isEmpty();
        }
    }

    private final AccountRepository accounts;
    private final AccountUserDetailsService users;
    private final AdminEmails adminEmails;
    private final LoginSessions loginSessions;
    private final AdminAudit audit;
    private final JdbcClient jdbc;

    UserAdministration(
            AccountRepository accounts,
            AccountUserDetailsService users,
            AdminEmails adminEmails,
            LoginSessions loginSessions,
            AdminAudit audit,
            JdbcClient jdbc) {
        this.accounts = accounts;
        this.users = users;
        this.adminEmails = adminEmails;
        this.loginSessions = loginSessions;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Disables the account and deletes its sessions now; refused for oneself and for the last admin. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Outcome disable(long actorId, long accountId) {
        if (actorId == accountId) {
            return Outcome.refused(Refusal.SELF_DISABLE);
        }
        lockRoles();
        Optional<Refusal> actor = actorRefusal(actorId);
        if (actor.isPresent()) {
            return new Outcome(actor);
        }
        Account account = accounts.findById(accountId).orElseThrow(AccountNotFoundException::new);
        if (users.isAdmin(account) && adminIds().size() <= 1) {
            return Outcome.refused(Refusal.LAST_ADMIN);
        }
        if (!accounts.setDisabled(accountId, true)) {
            return Outcome.refused(Refusal.NOTHING_TO_DO);
        }
        loginSessions.endAllSessions(account.getEmailKey());
        audit.record("account.disable", target(account), "Disabled; its sessions were ended.");
        return Outcome.DONE;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Outcome enable(long actorId, long accountId) {
        lockRoles();
        Optional<Refusal> actor = actorRefusal(actorId);
        if (actor.isPresent()) {
            return new Outcome(actor);
        }
        Account account = accounts.findById(accountId).orElseThrow(AccountNotFoundException::new);
        if (!accounts.setDisabled(accountId, false)) {
            return Outcome.refused(Refusal.NOTHING_TO_DO);
        }
        audit.record("account.enable", target(account), "Enabled; the account may log in again.");
        return Outcome.DONE;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Outcome makeAdmin(long actorId, long accountId) {
        lockRoles();
        Optional<Refusal> actor = actorRefusal(actorId);
        if (actor.isPresent()) {
            return new Outcome(actor);
        }
        Account account = accounts.findById(accountId).orElseThrow(AccountNotFoundException::new);
        if (!account.isEmailVerified()) {
            return Outcome.refused(Refusal.NOT_CONFIRMED);
        }
        if (account.isDisabled()) {
            return Outcome.refused(Refusal.DISABLED);
        }
        if (!accounts.grantAdmin(accountId)) {
            return Outcome.refused(Refusal.NOTHING_TO_DO);
        }
        audit.record("account.make-admin", target(account), "Made admin.");
        return Outcome.DONE;
    }

    /** Takes admin rights away (oneself included), never from the last admin. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Outcome removeAdmin(long actorId, long accountId) {
        lockRoles();
        Optional<Refusal> actor = actorRefusal(actorId);
        if (actor.isPresent()) {
            return new Outcome(actor);
        }
        Account account = accounts.findById(accountId).orElseThrow(AccountNotFoundException::new);
        if (adminEmails.isAdmin(account.getEmailKey())) {
            return Outcome.refused(Refusal.LISTED_ADMIN);
        }
        Set<Long> admins = adminIds();
        if (admins.contains(accountId) && admins.size() <= 1) {
            return Outcome.refused(Refusal.LAST_ADMIN);
        }
        if (!accounts.revokeAdmin(accountId)) {
            return Outcome.refused(Refusal.NOTHING_TO_DO);
        }
        audit.record("account.remove-admin", target(account), "Admin rights removed.");
        return Outcome.DONE;
    }

    /** Is the account an admin now (granted or listed, confirmed, enabled)? */
    boolean isAdmin(Account account) {
        return users.isAdmin(account);
    }

    /** Whether the account's admin rights come from APP_ADMIN_EMAILS (they cannot be removed here). */
    boolean isListedAdmin(Account account) {
        return adminEmails.isAdmin(account.getEmailKey());
    }

    private void lockRoles() {
        jdbc.sql("SELECT id FROM admin_role_lock WHERE id = 1 FOR UPDATE")
                .query(Integer.class)
                .single();
    }

    /** The acting admin is re-read after the lock: a concurrent change may have taken their rights. */
    private Optional<Refusal> actorRefusal(long actorId) {
        return accounts.findById(actorId).filter(users::isAdmin).isPresent()
                ? Optional.empty()
                : Optional.of(Refusal.NO_LONGER_ADMIN);
    }

    /** Every account that is an admin now: granted ones and confirmed, enabled listed ones. */
    private Set<Long> adminIds() {
        Set<Long> ids = new HashSet<>(accounts.grantedAdminIds());
        List<String> listed = List.copyOf(adminEmails.keys());
        for (String key : listed) {
            accounts.findByEmailKey(key).filter(users::isAdmin).ifPresent(a -> ids.add(a.getId()));
        }
        return ids;
    }

    private static String target(Account account) {
        return "account " + account.getId() + " (" + account.getEmailKey() + ")";
    }
}
