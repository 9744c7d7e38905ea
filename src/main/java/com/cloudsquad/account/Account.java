package com.cloudsquad.account;

import java.text.Normalizer;
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
    private Instant emailVerifiedAt;
    private boolean adminGranted;
    private boolean disabled;

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

    /**
     * The identity of an email address: accounts, sessions and login throttling key on it. Trimmed,
     * lower-cased and in Unicode NFC, then compared byte for byte (the column is utf8mb4_bin), so
     * {@code Chief@} and {@code chief@} are one account but {@code chíef@} is another.
     */
    public static String emailKey(String email) {
        return email == null ? "" : Normalizer.normalize(email.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
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

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    boolean isAdminGranted() {
        return adminGranted;
    }

    public boolean isDisabled() {
        return disabled;
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
