package com.cloudsquad.account;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Admins are the accounts whose email is listed in {@code APP_ADMIN_EMAILS}; there is no default admin. */
@Component
class AdminEmails {

    private final Set<String> keys;

    AdminEmails(@Value("${app.admin-emails:}") String adminEmails) {
        this.keys = Arrays.stream(adminEmails.split(","))
                .map(Account::emailKey)
                .filter(key -> !key.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    Set<String> keys() {
        return keys;
    }

    boolean isAdmin(String emailKey) {
        return keys.contains(emailKey);
    }
}
