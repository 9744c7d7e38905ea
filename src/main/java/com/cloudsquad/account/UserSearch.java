package com.cloudsquad.account;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds accounts for the admin list by the start of their email or display name. Prefixes, not
 * substrings: both are index ranges, so a search costs the same on 100 or 100,000 accounts
 * (a substring would read every row).
 */
@Component
class UserSearch {

    private final AccountRepository accounts;

    UserSearch(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Accounts by email whose email or name starts with {@code query} (all for an empty query). */
    @Transactional(readOnly = true)
    List<Account> byPrefix(String query, int offset, int limit) {
        if (query.isBlank()) {
            return accounts.pageByEmail(limit, offset);
        }
        return accounts.searchByPrefix(likePrefix(query), offset + limit, limit, offset);
    }

    @Transactional(readOnly = true)
    Optional<Account> find(long id) {
        return accounts.findById(id);
    }

    /** The query as a LIKE prefix: normalised as email keys are, wildcards taken literally. */
    static String likePrefix(String query) {
        String key = Account.emailKey(query);
        return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
