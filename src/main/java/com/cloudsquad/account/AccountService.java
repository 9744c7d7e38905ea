package com.cloudsquad.account;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Registration, email verification, profile changes and the disabled state. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final EmailVerifications verifications;
    private final LoginThrottle throttle;
    private final RequestRateLimit rateLimit;
    private final LoginSessions loginSessions;
    private final Clock clock;
    private final int registrationsPerAddressPerHour;

    AccountService(
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            EmailVerifications verifications,
            LoginThrottle throttle,
            RequestRateLimit rateLimit,
            LoginSessions loginSessions,
            Clock clock,
            @Value("${app.security.registrations-per-address-per-hour}") int registrationsPerAddressPerHour) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.verifications = verifications;
        this.throttle = throttle;
        this.rateLimit = rateLimit;
        this.loginSessions = loginSessions;
        this.clock = clock;
        this.registrationsPerAddressPerHour = registrationsPerAddressPerHour;
    }

    /**
     * Registers the address, answering the same whether or not it has an account already (so the
     * form reveals no accounts): a new address gets an account and a verification link, a known
     * one a notice to its owner. Both compute a password hash, so they take about as long. Returns
     * false, with a form error, only when the client address made too many registrations.
     */
    @Transactional
    boolean register(RegistrationForm form, String clientAddress, Errors errors) {
        Optional<Duration> wait =
                rateLimit.hit("register", clientAddress, registrationsPerAddressPerHour, Duration.ofHours(1));
        if (wait.isPresent()) {
            errors.reject("register.throttled", new Object[] {LoginThrottledException.waitText(wait.get())}, null);
            return false;
        }
        String passwordHash = passwordEncoder.encode(form.getPassword());
        Optional<Account> existing = accounts.findByEmailKey(Account.emailKey(form.getEmail()));
        if (existing.isPresent()) {
            verifications.sendAlreadyRegistered(existing.get());
            return true;
        }
        try {
            Account account =
                    accounts.save(new Account(form.getEmail(), form.getDisplayName(), passwordHash, clock.instant()));
            verifications.send(account);
        } catch (DuplicateKeyException raceWithAnotherRegistration) {
            // The other registration's owner got the link; this one gets the same answer.
        }
        return true;
    }

    /** Marks the address of the token's account as proven; empty if the token is unknown, used or expired. */
    @Transactional
    Optional<Account> verifyEmail(String token) {
        return verifications.verify(token).flatMap(accounts::findById);
    }

    /** A new link for a logged-in user who has not verified yet (nothing for one who has). */
    @Transactional
    void resendVerification(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (!account.isEmailVerified()) {
            verifications.send(account);
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
        forgetZone(); // the rest of this request reads the new zone
        return accounts.save(account);
    }

    /** The current-password check is throttled like a login (per account), so a left-open session cannot guess it. */
    @Transactional
    Account changePassword(long accountId, PasswordChangeForm form, Errors errors) {
        String throttleKey = "password-check:" + accountId;
        Optional<Duration> wait = throttle.claim(throttleKey);
        if (wait.isPresent()) {
            errors.rejectValue(
                    "currentPassword",
                    "currentPassword.throttled",
                    new Object[] {LoginThrottledException.waitText(wait.get())},
                    null);
            return null;
        }
        Account account = accounts.findById(accountId).orElseThrow();
        if (!passwordEncoder.matches(form.getCurrentPassword(), account.getPasswordHash())) {
            errors.rejectValue("currentPassword", "currentPassword.wrong");
            return null;
        }
        throttle.reset(throttleKey);
        account.changePasswordHash(passwordEncoder.encode(form.getPassword()));
        return accounts.save(account);
    }

    /**
     * Disables the account: it can no longer log in, its sessions are deleted now, and any request
     * still in flight on another instance is turned away by {@link AccessRefreshFilter}.
     */
    @Transactional
    public void disable(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow();
        accounts.setDisabled(accountId, true);
        loginSessions.endAllSessions(account.getEmailKey());
    }

    @Transactional
    public void enable(long accountId) {
        accounts.setDisabled(accountId, false);
    }

    /** Display names by account id, for lists that show who did what (admin pages). */
    @Transactional(readOnly = true)
    public Map<Long, String> displayNames(Collection<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        accounts.findAllById(accountIds).forEach(a -> names.put(a.getId(), a.getDisplayName()));
        return names;
    }

    /** How many accounts exist (the admin console counts them once a minute, not per view). */
    @Transactional(readOnly = true)
    public long accountCount() {
        return accounts.count();
    }

    @Transactional(readOnly = true)
    public Account find(long accountId) {
        return accounts.findById(accountId).orElseThrow();
    }

    /**
     * The account's time zone (UTC for an unknown zone id or a deleted account). Within a request
     * of the account itself, the zone {@link AccessRefreshFilter} read with the access check.
     */
    @Transactional(readOnly = true)
    public ZoneId zoneOf(long accountId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(ZONE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof KnownZone known
                && known.accountId() == accountId) {
            return zone(known.timeZone());
        }
        return zone(accounts.findById(accountId).map(Account::getTimeZone).orElse(null));
    }

    private static final String ZONE_ATTRIBUTE = AccountService.class.getName() + ".zone";

    private record KnownZone(long accountId, String timeZone) {}

    /** What the access check read of the logged-in account's zone, for {@link #zoneOf} in the same request. */
    static void rememberZone(jakarta.servlet.http.HttpServletRequest request, long accountId, String timeZone) {
        request.setAttribute(ZONE_ATTRIBUTE, new KnownZone(accountId, timeZone));
    }

    private static void forgetZone() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ZONE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    private static ZoneId zone(String id) {
        return isTimeZone(id) ? ZoneId.of(id) : ZoneOffset.UTC;
    }

    /** Zone ids the JVM knows (a fixed set: {@link ZoneId#getAvailableZoneIds} copies it on every call). */
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    static boolean isTimeZone(String id) {
        if (id == null || id.isBlank()) {
            return false;
        }
        try {
            return ZONE_IDS.contains(id) || "UTC".equals(ZoneId.of(id).getId());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
