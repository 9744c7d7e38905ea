package com.cloudsquad.analysis;

import com.cloudsquad.account.AccountPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An attempt's analysis: the region of the results page (htmx polls it every 2 s while the
 * report is pending; the finished fragment carries no trigger, so polling stops), the printable
 * page and the PDF.
 */
@Controller
class AnalysisController {

    private final AnalysisReports reports;
    private final ReportPdf pdf;

    AnalysisController(AnalysisReports reports, ReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @ModelAttribute("view")
    AnalysisReports.ReportView view(@PathVariable long attemptId, @AuthenticationPrincipal AccountPrincipal user) {
        return reports.readable(attemptId, user);
    }

    @GetMapping("/analysis/attempts/{attemptId}/report")
    String region() {
        return "analysis/report :: analysis";
    }

    @GetMapping("/analysis/attempts/{attemptId}")
    String page() {
        return "analysis/page";
    }

    @GetMapping("/analysis/attempts/{attemptId}/report.pdf")
    ResponseEntity<byte[]> download(@ModelAttribute("view") AnalysisReports.ReportView view) {
        if (!view.done()) {
            return ResponseEntity.status(409)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("The analysis is still being written.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("cloudsquad-analysis-" + view.attemptId() + ".pdf")
                                .build()
                                .toString())
                .body(pdf.render(view));
    }
}
