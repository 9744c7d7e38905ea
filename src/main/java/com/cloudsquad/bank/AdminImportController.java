package com.cloudsquad.bank;

import com.cloudsquad.bank.transfer.QuestionData;
import com.cloudsquad.bank.transfer.QuestionFormat;
import com.cloudsquad.catalog.Catalog;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Import (upload, preview, confirm) and export of questions, for admins. */
@Controller
@RequestMapping("/admin/questions")
class AdminImportController {

    /** The size of the imports table's file name column. */
    static final int MAX_FILE_NAME = 255;

    static final String VIEW_UPLOAD = "admin/questions/import";
    static final String VIEW_PREVIEW = "admin/questions/import-preview";
    static final int MAX_EXPORT = 10_000;

    private final QuestionImport imports;
    private final QuestionExport exports;
    private final Catalog catalog;

    AdminImportController(QuestionImport imports, QuestionExport exports, Catalog catalog) {
        this.imports = imports;
        this.exports = exports;
        this.catalog = catalog;
    }

    @GetMapping("/import")
    String uploadForm(Model model) {
        model.addAttribute("formats", imports.formats());
        return VIEW_UPLOAD;
    }

    @PostMapping("/import")
    String upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "auto") String format,
            Principal principal,
            Model model)
            throws IOException {
        model.addAttribute("formats", imports.formats());
        if (file.isEmpty()) {
            model.addAttribute("uploadError", "Choose a file to import.");
            return VIEW_UPLOAD;
        }
        if (file.getOriginalFilename() != null && file.getOriginalFilename().length() > MAX_FILE_NAME) {
            model.addAttribute(
                    "uploadError",
                    "The file name is longer than " + MAX_FILE_NAME + " characters. Rename the file and try again.");
            return VIEW_UPLOAD;
        }
        if (file.getSize() > QuestionImport.MAX_BYTES) {
            model.addAttribute("uploadError", "The file is larger than 10 MB. Split it into smaller files.");
            return VIEW_UPLOAD;
        }
        QuestionFormat chosen = "auto".equals(format)
                ? imports.guessFormat(file.getOriginalFilename(), file.getBytes())
                        .orElse(null)
                : imports.format(format).orElse(null);
        if (chosen == null) {
            model.addAttribute(
                    "uploadError",
                    "Cannot tell the format of " + file.getOriginalFilename()
                            + ": neither its name nor its first lines look like CSV, JSON, GIFT or Moodle XML."
                            + " Choose the format in the list.");
            return VIEW_UPLOAD;
        }
        ImportPreview preview =
                imports.upload(principal.getName(), chosen.id(), file.getOriginalFilename(), file.getBytes());
        return showPreview(preview, QuestionImport.Choices.NONE, model);
    }

    /** Preview again with the category → domain choices made on the preview page. */
    @PostMapping("/import/{uploadId}/preview")
    String remap(
            @PathVariable String uploadId, @RequestParam Map<String, String> params, Principal principal, Model model) {
        QuestionImport.Choices choices = choices(params);
        ImportPreview preview = imports.preview(uploadId, principal.getName(), choices)
                .orElseThrow(() -> new QuestionNotFoundException(0));
        return showPreview(preview, choices, model);
    }

    @PostMapping("/import/{uploadId}/confirm")
    String confirm(
            @PathVariable String uploadId,
            @RequestParam Map<String, String> params,
            Principal principal,
            Model model,
            RedirectAttributes redirect,
            HtmxRequest htmx) {
        QuestionImport.Choices choices = choices(params);
        QuestionImport.ImportResult result = imports.confirm(uploadId, principal.getName(), choices);
        if (result.alreadyImported()) {
            redirect.addFlashAttribute("notice", "This file was already imported.");
            return redirectTo("/admin/questions", htmx);
        }
        if (result.created() == 0) {
            return showPreview(result.preview(), choices, model);
        }
        redirect.addFlashAttribute("notice", "Imported " + result.created() + " question(s).");
        return redirectTo("/admin/questions?sort=-id", htmx);
    }

    /** After an htmx form, a whole-page navigation (the address bar shows the list), else a 302. */
    private static String redirectTo(String path, HtmxRequest htmx) {
        return (htmx.isHtmxRequest() ? "redirect:htmx:" : "redirect:") + path;
    }

    /** The current filtered selection (up to 10,000 questions) in any format. */
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long certification,
            @RequestParam(required = false) Long domain,
            @RequestParam(required = false) Integer difficulty,
            @RequestParam(required = false) QuestionStatus status,
            @RequestParam(required = false) String tag) {
        QuestionFormat chosen = imports.format(format).orElseThrow(() -> new QuestionNotFoundException(0));
        QuestionFilter filter = new QuestionFilter(
                q, certification, domain, difficulty, status, tag, "id", 0, QuestionFilter.DEFAULT_SIZE);
        List<QuestionData> questions = exports.select(filter, MAX_EXPORT);
        StreamingResponseBody body = out -> chosen.write(questions, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType() + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("cloudsquad-questions." + chosen.extension())
                                .build()
                                .toString())
                .body(body);
    }

    private String showPreview(ImportPreview preview, QuestionImport.Choices choices, Model model) {
        model.addAttribute("preview", preview);
        model.addAttribute("mapping", choices.categoryDomains());
        model.addAttribute(
                "twoKeys", choices.twoKeys() == null ? "" : choices.twoKeys().name());
        model.addAttribute("certifications", catalog.certifications());
        return VIEW_PREVIEW;
    }

    /** The preview form's choices: category mapping and what two full-mark answers mean. */
    private static QuestionImport.Choices choices(Map<String, String> params) {
        QuestionImport.TwoKeys twoKeys = null;
        try {
            String value = params.get("twoKeys");
            twoKeys = value == null || value.isBlank() ? null : QuestionImport.TwoKeys.valueOf(value);
        } catch (IllegalArgumentException ignored) {
            // not a choice we offer: the preview asks again
        }
        return new QuestionImport.Choices(mapping(params), twoKeys);
    }

    /** Form fields "category[<name>]" = domain id; an empty name stands for "no category". */
    private static Map<String, Long> mapping(Map<String, String> params) {
        Map<String, Long> mapping = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith("category[") && key.endsWith("]") && value != null && !value.isBlank()) {
                try {
                    mapping.put(key.substring("category[".length(), key.length() - 1), Long.valueOf(value));
                } catch (NumberFormatException ignored) {
                    // not a domain id: the category stays unmapped and the preview says so
                }
            }
        });
        return mapping;
    }
}
