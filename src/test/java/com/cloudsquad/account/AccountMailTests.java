package com.cloudsquad.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The account mails over real SMTP (GreenMail), as Spring Boot's mail set-up sends them to Amazon SES. */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class AccountMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void aMailTravelsOverSmtpWithSenderSubjectAndText() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(smtp.getSmtp().getPort());
        DevOutbox outbox = new DevOutbox();
        AccountMail mail = new AccountMail(
                new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class),
                outbox,
                "Cloud Squad <no-reply@cloudsquad.test>",
                "jdbc:mysql://rds.example/cloudsquad");

        mail.send(
                "reader@example.test",
                "Confirm your email address for Cloud Squad",
                "Open https://x/verify-email?token=abc");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Confirm your email address for Cloud Squad");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("reader@example.test");
        assertThat(received[0].getFrom()[0].toString()).contains("no-reply@cloudsquad.test");
        assertThat(GreenMailUtil.getBody(received[0])).contains("/verify-email?token=abc");
        assertThat(outbox.mails(null))
                .as("sent mails are not kept for /dev/outbox")
                .isEmpty();
    }

    @Test
    void withoutSmtpAMailGoesToTheDevelopmentOutbox() {
        DevOutbox outbox = new DevOutbox();
        AccountMail mail = new AccountMail(
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                outbox,
                "no-reply@localhost",
                "");

        mail.send("Dev@Example.test", "Subject", "Text");

        assertThat(outbox.mails("dev@example.test"))
                .containsExactly(new DevOutbox.Mail("Dev@Example.test", "Subject", "Text"));
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aProductionInstanceWithoutSmtpKeepsNeitherTheAddressNorTheLink(
            org.springframework.boot.test.system.CapturedOutput output) {
        DevOutbox outbox = new DevOutbox();
        AccountMail mail = new AccountMail(
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                outbox,
                "no-reply@localhost",
                "jdbc:mysql://rds.example/cloudsquad");

        mail.send("private@example.test", "Confirm your email address", "Open /verify-email?token=secret-token");

        assertThat(outbox.mails(null)).isEmpty();
        assertThat(output)
                .contains("Confirm your email address")
                .doesNotContain("private@example.test", "secret-token");
    }

    @Test
    void anSmtpFailureDoesNotFailTheRequest() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(1); // nothing listens there
        AccountMail mail = new AccountMail(
                new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class),
                new DevOutbox(),
                "no-reply@localhost",
                "jdbc:mysql://rds.example/cloudsquad");

        mail.send("reader@example.test", "Subject", "Text"); // logged, not thrown
    }
}
