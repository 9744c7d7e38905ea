package com.cloudsquad.account;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** Registration and profile changes. Each method either completes or changes nothing. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates the account, or returns null with an error on the email field if it is taken. */
    @Transactional
    Account register(RegistrationForm form, Errors errors) {
        if (accounts.existsByEmailKey(Account.emailKey(form.getEmail()))) {
            errors.rejectValue("email", "email.taken");
            return null;
        }
        Account account = new Account(
                form.getEmail(), form.getDisplayName(), passwordEncoder.encode(form.getPassword()), clock.instant());
        try {
            return accounts.save(account);
        } catch (DuplicateKeyException raceWithAnotherRegistration) {
            errors.rejectValue("email", "email.taken");
            return null;
        }
    }

    @Transactional
    Account updateProfile(long accountId, ProfileForm form, Errors errors) {
        if (!isTimeZone(form.getTimeZone())) {
            errors.rejectValue("timeZone", "timeZone.invalid");
            return null;
        }
        Account account = accounts.findById(accountId).orElseThrow();
        account.rename(form.getDisplayName());
        account.moveToTimeZone(form.getTimeZone());
        return accounts.save(account);
    }

    @Transactional
    Account changePassword(long accountId, PasswordChangeForm form, Errors errors) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!passwordEncoder.matches(form.getCurrentPassword(), account.getPasswordHash())) {
            errors.rejectValue("currentPassword", "currentPassword.wrong");
            return null;
        }
        account.changePasswordHash(passwordEncoder.encode(form.getPassword()));
        return accounts.save(account);
    }

    /** Display names by account id, for lists that show who did what (admin pages). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> displayNames(java.util.Collection<Long> accountIds) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        accounts.findAllById(accountIds).forEach(a -> names.put(a.getId(), a.getDisplayName()));
        return names;
    }

    @Transactional(readOnly = true)
    public Account find(long accountId) {
        return accounts.findById(accountId).orElseThrow();
    }

    /** The account's time zone (UTC for an unknown zone id or a deleted account). */
    @Transactional(readOnly = true)
    public ZoneId zoneOf(long accountId) {
        return accounts.findById(accountId)
                .map(Account::getTimeZone)
                .filter(AccountService::isTimeZone)
                .map(ZoneId::of)
                .orElse(ZoneOffset.UTC);
    }

    static boolean isTimeZone(String id) {
        if (id == null || id.isBlank()) {
            return false;
        }
        try {
            return ZoneId.getAvailableZoneIds().contains(id)
                    || "UTC".equals(ZoneId.of(id).getId());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
