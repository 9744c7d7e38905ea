package com.cloudsquad.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Logs an account in from code (after registration) and keeps the session's principal current. */
@Component
class LoginSessions {

    private final AccountUserDetailsService users;
    private final SecurityContextRepository contexts;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    LoginSessions(
            AccountUserDetailsService users,
            SecurityContextRepository contexts,
            FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.users = users;
        this.contexts = contexts;
        this.sessions = sessions;
    }

    /** A fresh login: a new session id (no fixation), then the principal stored in the session. */
    void logIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        store(account, request, response);
    }

    /** After a profile change: the header shows the new name without logging in again. */
    void refresh(Account account, HttpServletRequest request, HttpServletResponse response) {
        store(account, request, response);
    }

    /** After a password change, every other session of the account is logged out. */
    void endOtherSessions(Account account, HttpServletRequest request) {
        String current = request.getSession(false) == null
                ? null
                : request.getSession(false).getId();
        sessions.findByPrincipalName(account.getEmailKey()).keySet().stream()
                .filter(id -> !id.equals(current))
                .forEach(sessions::deleteById);
    }

    /** Disabling an account: all its sessions end at once. */
    void endAllSessions(String emailKey) {
        sessions.findByPrincipalName(emailKey).keySet().forEach(sessions::deleteById);
    }

    private void store(Account account, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = users.principalOf(account);
        principal.eraseCredentials(); // the session never holds the password hash
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
