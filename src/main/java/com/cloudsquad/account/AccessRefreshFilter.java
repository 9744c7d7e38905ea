package com.cloudsquad.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Roles and the disabled state take effect on the next request, on every instance: each request
 * of a logged-in user reads the account's access columns by primary key (one indexed SELECT
 * without a transaction, measured in {@code AccessRefreshIT}) and compares the roles they give with
 * those in the session. Changed roles replace the session's principal; a disabled or deleted
 * account ends the session and the request goes on as anonymous. Static files skip the check
 * (they need no roles). The time zone read with it answers {@link AccountService#zoneOf} for the
 * rest of the request, so a page that shows times reads the account once.
 */
class AccessRefreshFilter extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final AccountUserDetailsService users;
    private final LoginSessions loginSessions;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    AccessRefreshFilter(AccountRepository accounts, AccountUserDetailsService users, LoginSessions loginSessions) {
        this.accounts = accounts;
        this.users = users;
        this.loginSessions = loginSessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/assets/") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            Optional<AccessState> state = accounts.findAccessState(principal.getAccountId());
            if (state.isEmpty()
                    || state.get().disabled()
                    || !state.get().emailKey().equals(principal.getUsername())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                holder.clearContext();
            } else {
                AccountService.rememberZone(
                        request, principal.getAccountId(), state.get().timeZone());
                if (principal.isEmailVerified() != state.get().emailVerified()
                        || isAdmin(principal) != users.isAdmin(state.get())) {
                    accounts.findById(principal.getAccountId())
                            .ifPresent(account -> loginSessions.refresh(account, request, response));
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Principals hold the candidate role, plus the admin role for admins (see {@link AccountUserDetailsService}). */
    private static boolean isAdmin(AccountPrincipal principal) {
        for (GrantedAuthority authority : principal.getAuthorities()) {
            if (Roles.ADMIN.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
