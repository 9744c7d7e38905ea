package com.cloudsquad.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
/** Looks accounts up for login. Deliberately not a UserDetailsService bean: only the throttled provider uses it. */
class AccountUserDetailsService {

    private final AccountRepository accounts;
    private final AdminEmails adminEmails;

    AccountUserDetailsService(AccountRepository accounts, AdminEmails adminEmails) {
        this.accounts = accounts;
        this.adminEmails = adminEmails;
    }

    AccountPrincipal loadUserByUsername(String email) {
        return accounts.findByEmailKey(Account.emailKey(email))
                .map(this::principalOf)
                .orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
    }

    AccountPrincipal principalOf(Account account) {
        List<GrantedAuthority> roles = new ArrayList<>();
        roles.add(new SimpleGrantedAuthority(Roles.CANDIDATE));
        if (isAdmin(account)) {
            roles.add(new SimpleGrantedAuthority(Roles.ADMIN));
        }
        return new AccountPrincipal(
                account.getId(),
                account.getEmailKey(),
                account.getPasswordHash(),
                account.getDisplayName(),
                !account.isDisabled(),
                account.isEmailVerified(),
                roles);
    }

    /**
     * Admin rights need a proven address: an email listed in APP_ADMIN_EMAILS counts only once its
     * owner followed the verification link, and so does an admin made with a bootstrap token.
     */
    boolean isAdmin(Account account) {
        return isAdmin(
                account.getEmailKey(), account.isEmailVerified(), account.isAdminGranted(), account.isDisabled());
    }

    /** The same rule on the columns the per-request access check reads. */
    boolean isAdmin(AccessState state) {
        return isAdmin(state.emailKey(), state.emailVerified(), state.adminGranted(), state.disabled());
    }

    private boolean isAdmin(String emailKey, boolean emailVerified, boolean adminGranted, boolean disabled) {
        return !disabled && emailVerified && (adminGranted || adminEmails.isAdmin(emailKey));
    }
}
