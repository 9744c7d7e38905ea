package com.cloudsquad.account;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/api-keys")
class ApiKeyController {

    static final String VIEW = "admin/api-keys";

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("keys", keys.all());
        return VIEW;
    }

    @PostMapping
    String create(@RequestParam String name, Principal principal, Model model) {
        if (name.isBlank() || name.length() > 80) {
            model.addAttribute("nameError", "Give the key a name of up to 80 characters, such as 'CI import'.");
            model.addAttribute("keys", keys.all());
            return VIEW;
        }
        // Shown on this response only, never stored in clear and never in a redirect URL.
        model.addAttribute("newKey", keys.create(name, principal.getName()));
        model.addAttribute("newKeyName", name.strip());
        model.addAttribute("keys", keys.all());
        return VIEW;
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        keys.revoke(id);
        redirect.addFlashAttribute("notice", "The key is revoked: it no longer works.");
        return "redirect:/admin/api-keys";
    }
}
