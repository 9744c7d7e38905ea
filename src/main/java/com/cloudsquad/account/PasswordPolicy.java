package com.cloudsquad.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * OWASP ASVS 5.0 §6.2: at least 8 characters (15 recommended), at most 128, no composition
 * rules, and none of the most common passwords (a list shipped with the app). Spaces are welcome in
 * passphrases but do not count towards the 8: eight spaces are no password.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int RECOMMENDED_LENGTH = 15;
    public static final int MAX_LENGTH = 128;

    private final Set<String> commonPasswords;

    PasswordPolicy() {
        this.commonPasswords = load(new ClassPathResource("account/common-passwords.txt"));
    }

    /** The message code of the first rule the password breaks, if any. */
    public Optional<String> violation(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("password.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        if (password.codePoints()
                        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                        .count()
                < MIN_LENGTH) {
            return Optional.of("password.tooFewCharacters");
        }
        if (commonPasswords.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    private static Set<String> load(ClassPathResource resource) {
        Set<String> passwords = new HashSet<>(16_384);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The common password list is missing", e);
        }
        return passwords;
    }
}
