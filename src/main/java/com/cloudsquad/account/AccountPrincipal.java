package com.cloudsquad.account;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The logged-in user as kept in the session: the login (email key) and what the header shows. The
 * roles in it are checked against the account row on every request ({@link AccessRefreshFilter}).
 */
public class AccountPrincipal extends User {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String displayName;
    private final boolean emailVerified;

    AccountPrincipal(
            long accountId,
            String emailKey,
            String passwordHash,
            String displayName,
            boolean enabled,
            boolean emailVerified,
            Collection<? extends GrantedAuthority> authorities) {
        super(emailKey, passwordHash, enabled, true, true, true, authorities);
        this.accountId = accountId;
        this.displayName = displayName;
        this.emailVerified = emailVerified;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** Unverified users see a banner asking them to follow the link; admin rights wait for it. */
    public boolean isEmailVerified() {
        return emailVerified;
    }

    public boolean isAdmin() {
        return getAuthorities().stream().anyMatch(a -> Roles.ADMIN.equals(a.getAuthority()));
    }
}
