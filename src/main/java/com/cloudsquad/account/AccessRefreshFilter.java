package com.cloudsquad.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Roles and the disabled state take effect on the next request, on every instance: each request
 * of a logged-in user reads the account row by primary key (one indexed SELECT, measured in
 * {@code AccessRefreshIT}) and compares the roles it gives with those in the session. Changed
 * roles replace the session's principal; a disabled or deleted account ends the session and the
 * request goes on as anonymous. Static files skip the check (they need no roles).
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
            Optional<Account> account = accounts.findById(principal.getAccountId());
            if (account.isEmpty()
                    || account.get().isDisabled()
                    || !account.get().getEmailKey().equals(principal.getUsername())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                holder.clearContext();
            } else if (principal.isEmailVerified() != account.get().isEmailVerified()
                    || !new HashSet<>(principal.getAuthorities())
                            .equals(new HashSet<>(
                                    users.principalOf(account.get()).getAuthorities()))) {
                loginSessions.refresh(account.get(), request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
