package com.cloudsquad.account;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The logged-in user as kept in the session: the login (email key) and what the header shows. */
public class AccountPrincipal extends User {

    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String displayName;

    AccountPrincipal(
            long accountId,
            String emailKey,
            String passwordHash,
            String displayName,
            Collection<? extends GrantedAuthority> authorities) {
        super(emailKey, passwordHash, authorities);
        this.accountId = accountId;
        this.displayName = displayName;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isAdmin() {
        return getAuthorities().stream().anyMatch(a -> Roles.ADMIN.equals(a.getAuthority()));
    }
}
