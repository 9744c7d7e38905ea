package com.cloudsquad.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a visitor types to register. Password rules are checked by {@link PasswordFormValidator}. */
public class RegistrationForm implements PasswordForm {

    @NotBlank(message = "{email.required}")
    @Email(message = "{email.invalid}", regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
    @Size(max = 254, message = "{email.tooLong}")
    private String email;

    @NotBlank(message = "{displayName.required}")
    @Size(max = 60, message = "{displayName.tooLong}")
    private String displayName;

    private String password;
    private String confirmPassword;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
