package com.cloudsquad.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The mails the account module sends (verification links, notices). Over SMTP when
 * {@code spring.mail.host} is set (Amazon SES in production); without it, in development (the
 * embedded database), a mail is written to the log and kept in the {@link DevOutbox}. A production
 * instance without SMTP logs only that a mail was not sent: an address and a live verification
 * link are personal data and a secret, and never go to its logs. A mail that cannot be sent does
 * not fail the request: the user can ask for the link again.
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final JavaMailSender smtp;
    private final DevOutbox outbox;
    private final String from;
    private final boolean development;

    AccountMail(
            ObjectProvider<JavaMailSender> smtp,
            DevOutbox outbox,
            @Value("${app.mail.from}") String from,
            @Value("${spring.datasource.url:}") String configuredDatabase) {
        this.smtp = smtp.getIfAvailable();
        this.outbox = outbox;
        this.from = from;
        this.development = configuredDatabase.isEmpty(); // the embedded database: a developer's machine
        if (this.smtp == null) {
            log.warn("No SMTP server configured (spring.mail.host): mails are only logged, not sent.");
        }
    }

    void send(String to, String subject, String text) {
        if (smtp == null && development) {
            log.info("No SMTP server configured (spring.mail.host); mail to {}: {}\n{}", to, subject, text);
            outbox.keep(new DevOutbox.Mail(to, subject, text));
            return;
        }
        if (smtp == null) {
            log.warn("Mail \"{}\" not sent: no SMTP server configured (spring.mail.host)", subject);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            smtp.send(message);
        } catch (MailException e) {
            log.warn("Could not send \"{}\": {}", subject, e.getMessage()); // no address in the logs
        }
    }
}
