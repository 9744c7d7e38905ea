package com.cloudsquad.catalog;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/certifications")
class CatalogAdminController {

    static final String VIEW_LIST = "admin/certifications/list";
    static final String VIEW_FORM = "admin/certifications/form";

    private final Catalog catalog;
    private final CatalogAdmin admin;

    CatalogAdminController(Catalog catalog, CatalogAdmin admin) {
        this.catalog = catalog;
        this.admin = admin;
    }

    @InitBinder("certificationForm")
    void limits(WebDataBinder binder) {
        binder.setDisallowedFields("id");
        binder.setAutoGrowCollectionLimit(20);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("certifications", catalog.certifications());
        return VIEW_LIST;
    }

    @GetMapping("/new")
    String newCertification(Model model) {
        model.addAttribute("certificationForm", CertificationForm.blank());
        return VIEW_FORM;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Certification certification = catalog.byId(id).orElseThrow(() -> new CertificationNotFoundException(id));
        model.addAttribute("certificationForm", CertificationForm.of(certification));
        model.addAttribute("certificationId", id);
        return VIEW_FORM;
    }

    @PostMapping({"", "/{id}"})
    String save(
            @PathVariable(required = false) Long id,
            @Valid @ModelAttribute CertificationForm certificationForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("certificationId", id);
        admin.validate(id, certificationForm, result);
        if (result.hasErrors()) {
            return VIEW_FORM;
        }
        Long saved = admin.save(id, certificationForm, result);
        if (saved == null) {
            return VIEW_FORM;
        }
        redirect.addFlashAttribute("notice", certificationForm.getCode() + " saved.");
        return "redirect:/admin/certifications";
    }

    /** htmx: the domain rows again, with one more or one fewer. */
    @PostMapping("/domains")
    String domains(
            @ModelAttribute CertificationForm certificationForm,
            @RequestParam(required = false) Integer remove,
            @RequestParam(required = false) String add) {
        List<CertificationForm.DomainForm> rows = new ArrayList<>(certificationForm.getDomains());
        if (remove != null && remove >= 0 && remove < rows.size() && rows.size() > 1) {
            rows.remove((int) remove);
        }
        if (add != null && rows.size() < 12) {
            rows.add(new CertificationForm.DomainForm());
        }
        certificationForm.setDomains(rows);
        return VIEW_FORM + " :: domains";
    }
}
