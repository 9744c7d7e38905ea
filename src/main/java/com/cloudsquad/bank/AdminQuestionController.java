package com.cloudsquad.bank;

import com.cloudsquad.bank.image.QuestionImages;
import com.cloudsquad.bank.transfer.QuestionFormat;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.platform.AdminAudit;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's question bank: list with filters, create and edit forms, status changes, history. */
@Controller
@RequestMapping("/admin/questions")
class AdminQuestionController {

    static final String VIEW_LIST = "admin/questions/list";
    static final String VIEW_FORM = "admin/questions/form";
    static final String VIEW_HISTORY = "admin/questions/history";

    private final QuestionBank bank;
    private final QuestionRules rules;
    private final Catalog catalog;
    private final List<QuestionFormat> formats;
    private final QuestionText text;
    private final QuestionImages images;
    private final OptionLengthAudit lengthAudit;
    private final AdminAudit audit;
    // a change and its audit entry commit together (QuestionBank's methods join this transaction)
    private final TransactionTemplate transactions;

    AdminQuestionController(
            QuestionBank bank,
            QuestionRules rules,
            Catalog catalog,
            List<QuestionFormat> formats,
            QuestionText text,
            QuestionImages images,
            OptionLengthAudit lengthAudit,
            AdminAudit audit,
            TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
        this.bank = bank;
        this.lengthAudit = lengthAudit;
        this.text = text;
        this.images = images;
        this.rules = rules;
        this.catalog = catalog;
        this.formats = formats;
    }

    @InitBinder("questionForm")
    void allowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
        binder.setAutoGrowCollectionLimit(QuestionRules.MAX_OPTIONS + 1);
    }

    /** Option letters for labels: plain data, as Thymeleaf's restricted attributes allow no method calls. */
    @ModelAttribute("letters")
    List<String> letters() {
        return List.of("A", "B", "C", "D", "E", "F", "G", "H", "I");
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long certification,
            @RequestParam(required = false) Long domain,
            @RequestParam(required = false) Integer difficulty,
            @RequestParam(required = false) QuestionStatus status,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            HtmxRequest htmx,
            Model model) {
        QuestionFilter filter = new QuestionFilter(
                q, certification, domain, difficulty, status, tag, sort, page, QuestionFilter.DEFAULT_SIZE);
        model.addAttribute("filter", filter);
        model.addAttribute("result", bank.search(filter));
        model.addAttribute("certifications", catalog.certifications());
        model.addAttribute("statuses", QuestionStatus.values());
        model.addAttribute("tags", bank.tags());
        model.addAttribute("formats", formats);
        // The filters swap only the results; a normal request gets the whole page.
        return htmx.isHtmxRequest() && !htmx.isBoosted() ? VIEW_LIST + " :: results" : VIEW_LIST;
    }

    /**
     * htmx, loaded after the list: whether the bank gives keys away by option length. Apart from
     * the list so that reading every option never slows the list down.
     */
    @GetMapping("/length-check")
    String lengthCheck(Model model) {
        model.addAttribute("lengthWarnings", lengthAudit.current().warnings());
        model.addAttribute("maxExcess", Math.round(OptionLengthStats.MAX_EXCESS * 100));
        model.addAttribute("maxRatio", OptionLengthStats.MAX_RATIO);
        return VIEW_LIST + " :: length-check";
    }

    @PostMapping("/bulk")
    String bulk(
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam QuestionStatus status,
            @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        List<Long> chosen = ids == null ? List.of() : ids;
        int changed = transactions.execute(tx -> {
            int n = bank.changeStatus(chosen, status);
            if (n > 0) {
                audit.record(
                        "question.status",
                        chosen.size() == 1 ? "question " + chosen.get(0) : chosen.size() + " questions " + chosen,
                        n + " question(s) set to " + status.name().toLowerCase() + ".");
            }
            return n;
        });
        redirect.addFlashAttribute(
                "notice", changed + " question(s) now " + status.name().toLowerCase() + ".");
        return "redirect:/admin/questions" + (back.startsWith("?") ? back : "");
    }

    @GetMapping("/new")
    String newQuestion(@RequestParam(required = false) Long certification, Model model) {
        Long certificationId = certification != null
                ? certification
                : catalog.certifications().get(0).id();
        return showForm(QuestionForm.blank(certificationId), null, List.of(), model);
    }

    @PostMapping
    String create(
            @ModelAttribute QuestionForm questionForm,
            BindingResult result,
            @RequestParam(name = "image", required = false) MultipartFile image,
            @RequestParam(defaultValue = "draft") String action,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        List<QuestionRules.Finding> warnings = check(questionForm, result);
        attachImage(questionForm, image, result);
        if (result.hasErrors()) {
            return showForm(questionForm, null, warnings, model);
        }
        QuestionStatus status = "publish".equals(action) ? QuestionStatus.PUBLISHED : QuestionStatus.DRAFT;
        long id = transactions.execute(tx -> {
            long created = bank.save(null, questionForm.toContent(), status, null, principal.getName());
            audit.record(
                    "question.create",
                    "question " + created,
                    "Created as " + status.name().toLowerCase() + ".");
            return created;
        });
        redirect.addFlashAttribute(
                "notice", status == QuestionStatus.PUBLISHED ? "Question published." : "Draft saved.");
        return "redirect:/admin/questions/" + id;
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        QuestionDetail question = bank.find(id).orElseThrow(() -> new QuestionNotFoundException(id));
        return showForm(
                QuestionForm.of(question),
                question,
                rules.check(question.content()).warnings(),
                model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute QuestionForm questionForm,
            BindingResult result,
            @RequestParam(name = "image", required = false) MultipartFile image,
            @RequestParam(defaultValue = "save") String action,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        QuestionDetail question = bank.find(id).orElseThrow(() -> new QuestionNotFoundException(id));
        questionForm.setCertificationId(question.certificationId());
        List<QuestionRules.Finding> warnings = check(questionForm, result);
        attachImage(questionForm, image, result);
        if (result.hasErrors()) {
            return showForm(questionForm, question, warnings, model);
        }
        try {
            transactions.executeWithoutResult(tx -> {
                bank.save(
                        id,
                        questionForm.toContent(),
                        "publish".equals(action) ? QuestionStatus.PUBLISHED : null,
                        questionForm.getLockVersion(),
                        principal.getName());
                audit.record(
                        "question.update",
                        "question " + id,
                        "publish".equals(action) ? "Edited and published." : "Edited.");
            });
        } catch (QuestionChangedException e) {
            result.reject(
                    "question.changed",
                    "Someone else saved this question while you were editing it. Reload it to see their changes.");
            return showForm(questionForm, question, warnings, model);
        }
        redirect.addFlashAttribute(
                "notice",
                question.status() == QuestionStatus.DRAFT
                        ? "publish".equals(action) ? "Question published." : "Draft saved."
                        : "Saved as version " + (question.versionCount() + 1) + ".");
        return "redirect:/admin/questions/" + id;
    }

    @PostMapping("/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam QuestionStatus status, RedirectAttributes redirect) {
        transactions.executeWithoutResult(tx -> {
            if (bank.changeStatus(List.of(id), status) > 0) {
                audit.record(
                        "question.status",
                        "question " + id,
                        "Set to " + status.name().toLowerCase() + ".");
            }
        });
        redirect.addFlashAttribute("notice", "Question is now " + status.name().toLowerCase() + ".");
        return "redirect:/admin/questions/" + id;
    }

    /** htmx: the option rows again, one more or one fewer, keeping what was typed. */
    @PostMapping("/options")
    String options(
            @ModelAttribute QuestionForm questionForm,
            @RequestParam(required = false) Integer remove,
            @RequestParam(required = false) String add,
            Model model) {
        List<QuestionForm.OptionForm> options = new ArrayList<>(questionForm.getOptions());
        if (remove != null && remove >= 0 && remove < options.size() && options.size() > QuestionRules.MIN_OPTIONS) {
            options.remove((int) remove);
        }
        if (add != null && options.size() < QuestionRules.MAX_OPTIONS) {
            options.add(new QuestionForm.OptionForm());
        }
        questionForm.setOptions(options);
        model.addAttribute("questionForm", questionForm);
        return VIEW_FORM + " :: options";
    }

    /** htmx: the question exactly as a candidate will see it. */
    @PostMapping("/preview")
    String preview(@ModelAttribute QuestionForm questionForm, Model model) {
        addPreview(questionForm, model);
        return VIEW_FORM + " :: preview";
    }

    /** The question rendered in its format, stem and options, as the attempt pages render it. */
    private void addPreview(QuestionForm form, Model model) {
        TextFormat format = form.getFormat() == null ? TextFormat.MARKDOWN : form.getFormat();
        model.addAttribute("previewForm", form);
        model.addAttribute("previewStemHtml", text.html(form.getStem(), format));
        model.addAttribute(
                "previewOptionHtml",
                form.getOptions().stream()
                        .map(o -> inline(text.html(o.getText(), format)))
                        .toList());
        model.addAttribute(
                "previewChoose",
                text.choosePrompt(
                        form.getStem(),
                        form.getOptions().stream()
                                .filter(QuestionForm.OptionForm::isCorrect)
                                .count()));
    }

    private static String inline(String html) {
        String h = html.strip();
        if (h.startsWith("<p>") && h.endsWith("</p>") && h.indexOf("<p>", 3) < 0) {
            return h.substring(3, h.length() - 4);
        }
        return h;
    }

    @GetMapping("/{id}/history")
    String history(@PathVariable long id, Model model) {
        QuestionDetail question = bank.find(id).orElseThrow(() -> new QuestionNotFoundException(id));
        List<QuestionVersion> versions = bank.history(id);
        List<VersionChanges> changes = new ArrayList<>();
        for (int i = versions.size() - 1; i >= 0; i--) {
            changes.add(VersionChanges.between(i == 0 ? null : versions.get(i - 1), versions.get(i), catalog, text));
        }
        model.addAttribute("question", question);
        model.addAttribute("versions", changes);
        return VIEW_HISTORY;
    }

    /** A new diagram replaces the current one; a refused file is an error next to the image field. */
    private void attachImage(QuestionForm form, MultipartFile image, BindingResult result) {
        if (image == null || image.isEmpty()) {
            return;
        }
        try {
            QuestionImages.Upload upload = images.store(image.getBytes());
            if (upload.error() != null) {
                result.rejectValue("imageKey", "image.invalid", upload.error());
            } else {
                form.setImageKey(upload.key());
                form.setRemoveImage(false);
            }
        } catch (java.io.IOException e) {
            result.rejectValue("imageKey", "image.unreadable", "The image could not be read. Try again.");
        }
    }

    /** The bank's rules as errors on the fields at fault; warnings are returned, not blocking. */
    private List<QuestionRules.Finding> check(QuestionForm form, BindingResult result) {
        Optional<Certification> certification =
                form.getCertificationId() == null ? Optional.empty() : catalog.byId(form.getCertificationId());
        if (certification.isEmpty()) {
            result.rejectValue("certificationId", "certification.required", "Choose a certification.");
            return List.of();
        }
        QuestionRules.Verdict verdict = rules.check(form.toContent(), certification.get());
        verdict.errors().forEach(f -> result.rejectValue(f.field(), "rule", f.message()));
        return verdict.warnings();
    }

    private String showForm(
            QuestionForm form, QuestionDetail question, List<QuestionRules.Finding> warnings, Model model) {
        model.addAttribute("questionForm", form);
        model.addAttribute("question", question);
        model.addAttribute("warnings", warnings);
        model.addAttribute(
                "certification", catalog.byId(form.getCertificationId()).orElseThrow());
        model.addAttribute("certifications", catalog.certifications());
        model.addAttribute("textFormats", TextFormat.values());
        if (question != null && !model.containsAttribute("previewForm")) {
            addPreview(form, model); // a stored question opens with its rendering, to check at a glance
        }
        return VIEW_FORM;
    }
}
