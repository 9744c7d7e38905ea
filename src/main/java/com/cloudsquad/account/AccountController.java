package com.cloudsquad.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class AccountController {

    static final String VIEW_REGISTER = "account/register";
    static final String VIEW_LOGIN = "account/login";
    static final String VIEW_PROFILE = "account/profile";
    static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") || id.equals("UTC"))
            .sorted()
            .toList();

    static final String VIEW_VERIFY = "account/verify-email";
    static final String VIEW_BOOTSTRAP = "account/bootstrap-admin";

    private final AccountService accounts;
    private final LoginSessions loginSessions;
    private final PasswordFormValidator passwordValidator;
    private final AdminBootstrap bootstrap;
    private final MessageSource messages;

    AccountController(
            AccountService accounts,
            LoginSessions loginSessions,
            PasswordFormValidator passwordValidator,
            AdminBootstrap bootstrap,
            MessageSource messages) {
        this.accounts = accounts;
        this.loginSessions = loginSessions;
        this.passwordValidator = passwordValidator;
        this.bootstrap = bootstrap;
        this.messages = messages;
    }

    /** The one flash convention (see layout.html): a sentence under "notice", worded in messages.properties. */
    private void notice(RedirectAttributes redirect, String code) {
        redirect.addFlashAttribute("notice", messages.getMessage(code, null, Locale.ENGLISH));
    }

    @InitBinder({"registrationForm", "passwordChangeForm"})
    void passwordRules(WebDataBinder binder) {
        binder.addValidators(passwordValidator);
    }

    @GetMapping("/login")
    String login(@AuthenticationPrincipal AccountPrincipal principal) {
        return principal == null ? VIEW_LOGIN : "redirect:/";
    }

    @GetMapping("/register")
    String registrationForm(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        if (principal != null) {
            return "redirect:/";
        }
        model.addAttribute("registrationForm", new RegistrationForm());
        return VIEW_REGISTER;
    }

    @PostMapping("/register")
    String register(
            @Valid @ModelAttribute RegistrationForm registrationForm,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (result.hasErrors() || !accounts.register(registrationForm, request.getRemoteAddr(), result)) {
            return VIEW_REGISTER;
        }
        // The same answer whether the address is new or has an account (its owner gets a notice).
        notice(redirect, "registered");
        return "redirect:/login";
    }

    /** The link in the mail shows a button: mail scanners that prefetch links must not use up the token. */
    @GetMapping("/verify-email")
    String verifyEmailForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return VIEW_VERIFY;
    }

    @PostMapping("/verify-email")
    String verifyEmail(
            @RequestParam(required = false) String token,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Optional<Account> verified = accounts.verifyEmail(token);
        if (verified.isEmpty()) {
            model.addAttribute("invalid", true);
            return VIEW_VERIFY;
        }
        notice(redirect, "email.verified");
        return "redirect:/";
    }

    @PostMapping("/verify-email/resend")
    String resendVerification(@AuthenticationPrincipal AccountPrincipal principal, RedirectAttributes redirect) {
        accounts.resendVerification(principal.getAccountId());
        notice(redirect, "email.linkSent");
        return "redirect:/";
    }

    @GetMapping("/bootstrap-admin")
    String bootstrapAdminForm() {
        return VIEW_BOOTSTRAP;
    }

    @PostMapping("/bootstrap-admin")
    String bootstrapAdmin(
            @AuthenticationPrincipal AccountPrincipal principal,
            @RequestParam(required = false) String token,
            Model model,
            RedirectAttributes redirect) {
        AdminBootstrap.Outcome outcome = bootstrap.redeem(principal.getAccountId(), token);
        if (outcome != AdminBootstrap.Outcome.ADMIN) {
            model.addAttribute("tokenError", "bootstrap." + outcome.name().toLowerCase(java.util.Locale.ROOT));
            return VIEW_BOOTSTRAP;
        }
        notice(redirect, "bootstrap.admin");
        return "redirect:/admin";
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal AccountPrincipal principal, Model model) {
        Account account = accounts.find(principal.getAccountId());
        ProfileForm form = new ProfileForm();
        form.setDisplayName(account.getDisplayName());
        form.setTimeZone(account.getTimeZone());
        model.addAttribute("profileForm", form);
        model.addAttribute("passwordChangeForm", new PasswordChangeForm());
        return showProfile(account, model);
    }

    @PostMapping("/profile")
    String updateProfile(
            @AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute ProfileForm profileForm,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Account account =
                result.hasErrors() ? null : accounts.updateProfile(principal.getAccountId(), profileForm, result);
        if (account == null) {
            model.addAttribute("passwordChangeForm", new PasswordChangeForm());
            return showProfile(accounts.find(principal.getAccountId()), model);
        }
        loginSessions.refresh(account, request, response);
        notice(redirect, "profile.saved");
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(
            @AuthenticationPrincipal AccountPrincipal principal,
            @Valid @ModelAttribute PasswordChangeForm passwordChangeForm,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Account account = result.hasErrors()
                ? null
                : accounts.changePassword(principal.getAccountId(), passwordChangeForm, result);
        if (account == null) {
            Account current = accounts.find(principal.getAccountId());
            ProfileForm form = new ProfileForm();
            form.setDisplayName(current.getDisplayName());
            form.setTimeZone(current.getTimeZone());
            model.addAttribute("profileForm", form);
            return showProfile(current, model);
        }
        loginSessions.endOtherSessions(account, request);
        notice(redirect, "password.changed");
        return "redirect:/profile";
    }

    private String showProfile(Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("timeZones", TIME_ZONES);
        return VIEW_PROFILE;
    }
}
