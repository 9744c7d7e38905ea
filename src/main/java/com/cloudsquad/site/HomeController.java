package com.cloudsquad.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    static final String VIEW_HOME = "site/home";
    static final String VIEW_ADMIN_HOME = "admin/home";

    @GetMapping("/")
    String home() {
        return VIEW_HOME;
    }

    @GetMapping("/admin")
    String adminHome() {
        return VIEW_ADMIN_HOME;
    }
}
