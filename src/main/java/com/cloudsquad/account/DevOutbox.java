package com.cloudsquad.account;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Development only: the last mails the app would have sent, when no SMTP server is configured.
 * Shown at {@code /dev/outbox} (see {@link DevOutboxController} for when that page exists), so a
 * developer can follow a verification link without a mail server.
 */
@Component
class DevOutbox {

    static final int KEPT = 500;

    record Mail(String to, String subject, String text) {}

    private final Deque<Mail> mails = new ArrayDeque<>();

    synchronized void keep(Mail mail) {
        mails.addFirst(mail);
        while (mails.size() > KEPT) {
            mails.removeLast();
        }
    }

    /** Newest first; only those to this address when one is given. */
    synchronized List<Mail> mails(String to) {
        String key = to == null || to.isBlank() ? null : Account.emailKey(to);
        return mails.stream()
                .filter(mail -> key == null || Account.emailKey(mail.to()).equals(key))
                .toList();
    }
}
