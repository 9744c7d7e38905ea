package com.cloudsquad.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is logged in (the header shows the name, admins get the admin link). */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    AccountPrincipal currentUser(@AuthenticationPrincipal AccountPrincipal principal) {
        return principal;
    }
}
