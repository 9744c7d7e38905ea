package com.cloudsquad.account;

/** A form that sets a new password: the password and its confirmation. */
interface PasswordForm {

    String getPassword();

    String getConfirmPassword();
}
