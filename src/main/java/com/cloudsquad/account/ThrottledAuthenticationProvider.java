package com.cloudsquad.account;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Email and password login behind two throttles, both checked before any password hash is
 * computed: tries per client address and minute ({@link RequestRateLimit}), and exponential
 * back-off per account, or per account and browser when the browser logged in to it before
 * ({@link LoginThrottle}, {@link LoginDevices}). A disabled account is told so only after the
 * right password, so the state of an account is no oracle for strangers.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final RequestRateLimit rateLimit;
    private final LoginDevices devices;
    private final int loginsPerAddressPerMinute;

    ThrottledAuthenticationProvider(
            AccountUserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            RequestRateLimit rateLimit,
            LoginDevices devices,
            @Value("${app.security.logins-per-address-per-minute}") int loginsPerAddressPerMinute) {
        this.passwords = new DaoAuthenticationProvider(users::loadUserByUsername);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        this.throttle = throttle;
        this.rateLimit = rateLimit;
        this.devices = devices;
        this.loginsPerAddressPerMinute = loginsPerAddressPerMinute;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String emailKey = Account.emailKey(authentication.getName());
        String address = null;
        String deviceToken = null;
        if (authentication.getDetails() instanceof LoginDetails details) {
            address = details.getRemoteAddress();
            deviceToken = details.deviceToken();
        }
        if (address != null) {
            rateLimit
                    .hit("login", address, loginsPerAddressPerMinute, Duration.ofMinutes(1))
                    .ifPresent(wait -> {
                        throw new LoginThrottledException(wait, true);
                    });
        }
        String key = devices.throttleKey(emailKey, deviceToken).orElse("account:" + emailKey);
        throttle.claim(key).ifPresent(wait -> {
            throw new LoginThrottledException(wait, false);
        });
        Authentication result = passwords.authenticate(authentication); // a failure stays counted
        throttle.reset(key);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
