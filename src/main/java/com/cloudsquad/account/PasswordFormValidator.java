package com.cloudsquad.account;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/** The password policy and the confirmation, as errors on the fields at fault. */
@Component
class PasswordFormValidator implements Validator {

    private final PasswordPolicy policy;

    PasswordFormValidator(PasswordPolicy policy) {
        this.policy = policy;
    }

    @Override
    public boolean supports(Class<?> type) {
        return PasswordForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        PasswordForm form = (PasswordForm) target;
        policy.violation(form.getPassword()).ifPresent(code -> errors.rejectValue("password", code));
        if (form.getPassword() != null
                && !form.getPassword().isEmpty()
                && !form.getPassword().equals(form.getConfirmPassword())) {
            errors.rejectValue("confirmPassword", "password.mismatch");
        }
    }
}
