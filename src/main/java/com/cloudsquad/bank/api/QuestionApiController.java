package com.cloudsquad.bank.api;

import com.cloudsquad.bank.ImportPreview;
import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionChangedException;
import com.cloudsquad.bank.QuestionDetail;
import com.cloudsquad.bank.QuestionExport;
import com.cloudsquad.bank.QuestionFilter;
import com.cloudsquad.bank.QuestionImport;
import com.cloudsquad.bank.QuestionNotFoundException;
import com.cloudsquad.bank.QuestionPage;
import com.cloudsquad.bank.QuestionRow;
import com.cloudsquad.bank.QuestionStatus;
import com.cloudsquad.bank.transfer.QuestionData;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The automation API over the question bank: list, get, create, update and import. Questions
 * travel in the same shape as our JSON import format, plus id, version and status.
 */
@RestController
@RequestMapping("/api/v1/questions")
class QuestionApiController {

    private final QuestionBank bank;
    private final QuestionImport imports;
    private final Catalog catalog;

    QuestionApiController(QuestionBank bank, QuestionImport imports, Catalog catalog) {
        this.bank = bank;
        this.imports = imports;
        this.catalog = catalog;
    }

    @GetMapping
    Map<String, Object> list(
            @RequestParam(required = false) String certification,
            @RequestParam(required = false) QuestionStatus status,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Long certificationId = certification == null
                ? null
                : catalog.byCode(certification)
                        .map(Certification::id)
                        .orElseThrow(
                                () -> new ApiProblem(HttpStatus.BAD_REQUEST, "Unknown certification " + certification));
        QuestionPage result = bank.search(
                new QuestionFilter(q, certificationId, null, null, status, tag, "id", page, Math.min(size, 200)));
        List<ApiQuestion> questions = bank
                .findAll(result.rows().stream().map(QuestionRow::id).toList())
                .stream()
                .map(this::toApi)
                .toList();
        return Map.of(
                "questions", questions,
                "page", result.page(),
                "size", result.size(),
                "total", result.total());
    }

    @GetMapping("/{id}")
    ResponseEntity<ApiQuestion> get(@PathVariable long id) {
        ApiQuestion question = load(id);
        return ResponseEntity.ok().eTag(String.valueOf(question.lockVersion())).body(question);
    }

    @PostMapping
    ResponseEntity<ApiQuestion> create(@RequestBody QuestionData body, Principal principal) {
        ImportPreview.Entry checked = checked(body);
        long id = bank.save(null, checked.content(), checked.status(), null, principal.getName());
        ApiQuestion created = load(id);
        return ResponseEntity.created(URI.create("/api/v1/questions/" + id))
                .eTag(String.valueOf(created.lockVersion()))
                .body(created);
    }

    /** Optimistic locking: send the ETag of the version you edited as If-Match, or get 412. */
    @PutMapping("/{id}")
    ResponseEntity<ApiQuestion> update(
            @PathVariable long id,
            @RequestBody QuestionData body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Principal principal) {
        QuestionDetail current = bank.find(id).orElseThrow(() -> new QuestionNotFoundException(id));
        ImportPreview.Entry checked = checked(body);
        int expected = ifMatch == null ? current.lockVersion() : parseETag(ifMatch);
        try {
            bank.save(
                    id,
                    checked.content(),
                    body.status() == null ? null : checked.status(),
                    expected,
                    principal.getName());
        } catch (QuestionChangedException e) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "The question changed since the version you edited.");
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        }
        ApiQuestion updated = load(id);
        return ResponseEntity.ok().eTag(String.valueOf(updated.lockVersion())).body(updated);
    }

    /** A whole file in any import format: all questions are stored, or none (422 with every error). */
    @PostMapping("/import")
    ResponseEntity<Map<String, Object>> importFile(
            @RequestParam String format, @RequestBody byte[] file, Principal principal) {
        if (imports.format(format).isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST, "Unknown format " + format + " (csv, json, gift, moodle-xml).");
        }
        if (file.length > QuestionImport.MAX_BYTES) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than 10 MB.");
        }
        QuestionImport.ImportResult result = imports.importIfClean(format, file, principal.getName());
        ImportPreview preview = result.preview();
        if (result.created() == 0) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "Nothing was imported: the file has errors.");
            problem.setTitle("Import refused");
            problem.setProperty("errors", errors(preview));
            problem.setProperty("skipped", preview.skipped());
            throw new ApiProblem(problem);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("created", result.created(), "skipped", preview.skipped()));
    }

    private ImportPreview.Entry checked(QuestionData body) {
        if (body == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Send a question as JSON.");
        }
        ImportPreview.Entry entry = imports.check(body);
        if (!entry.errors().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "The question breaks the bank's rules.");
            problem.setTitle("Invalid question");
            problem.setProperty("errors", entry.errors());
            throw new ApiProblem(problem);
        }
        return entry;
    }

    private static List<Map<String, Object>> errors(ImportPreview preview) {
        List<Map<String, Object>> errors = new java.util.ArrayList<>();
        preview.fileErrors()
                .forEach(p -> errors.add(Map.of("line", p.line(), "where", p.label(), "message", p.message())));
        preview.entriesWithErrors()
                .forEach(e -> errors.add(
                        Map.of("line", e.line(), "where", e.label(), "message", String.join(" ", e.errors()))));
        return errors;
    }

    private ApiQuestion load(long id) {
        return toApi(bank.find(id).orElseThrow(() -> new QuestionNotFoundException(id)));
    }

    private ApiQuestion toApi(QuestionDetail question) {
        return ApiQuestion.of(question, QuestionExport.toData(question, catalog.certifications()));
    }

    private static int parseETag(String value) {
        try {
            return Integer.parseInt(value.replace("W/", "").replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "If-Match must be the ETag of the question.");
        }
    }

    /** A question as the API shows it: the import shape plus identity and version. */
    record ApiQuestion(long id, int version, int lockVersion, QuestionData question) {
        static ApiQuestion of(QuestionDetail detail, QuestionData data) {
            return new ApiQuestion(detail.id(), detail.current().versionNo(), detail.lockVersion(), data);
        }
    }
}
