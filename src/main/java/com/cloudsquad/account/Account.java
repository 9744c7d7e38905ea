package com.cloudsquad.account;

import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("account")
public class Account {

    @Id
    private Long id;

    private String email;
    private String emailKey;
    private String displayName;
    private String passwordHash;
    private String timeZone;
    private Instant createdAt;

    @Version
    private Integer version;

    Account() {}

    Account(String email, String displayName, String passwordHash, Instant createdAt) {
        this.email = email.strip();
        this.emailKey = emailKey(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.timeZone = "UTC";
        this.createdAt = createdAt;
    }

    /** The case-insensitive identity of an email address: accounts and login throttling key on it. */
    static String emailKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailKey() {
        return emailKey;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void rename(String displayName) {
        this.displayName = displayName.strip();
    }

    void moveToTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
