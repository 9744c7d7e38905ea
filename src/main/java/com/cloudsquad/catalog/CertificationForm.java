package com.cloudsquad.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** An admin's edit of a certification and its domains; the weights must add up to 100. */
public class CertificationForm {

    @NotBlank(message = "Enter the exam code, such as SAA-C03.")
    @Pattern(regexp = "[A-Z0-9]{2,5}-[A-Z0-9]{2,5}", message = "Use the exam code as AWS writes it, such as SAA-C03.")
    private String code;

    @NotBlank(message = "Enter the certification's name.")
    @Size(max = 120, message = "At most 120 characters.")
    private String name;

    @NotNull(message = "Enter the number of questions.")
    @Min(value = 1, message = "At least 1.")
    @Max(value = 200, message = "At most 200.")
    private Integer examQuestions;

    @NotNull(message = "Enter the exam time.")
    @Min(value = 1, message = "At least 1 minute.")
    @Max(value = 400, message = "At most 400 minutes.")
    private Integer examMinutes;

    @NotNull(message = "Enter the passing score.")
    @Min(value = 100, message = "Scores run from 100 to 1000.")
    @Max(value = 1000, message = "Scores run from 100 to 1000.")
    private Integer passingScore;

    @NotNull(message = "Enter the number of questions.")
    @Min(value = 5, message = "At least 5.")
    @Max(value = 100, message = "At most 100.")
    private Integer readinessQuestions;

    @NotNull(message = "Enter the time.")
    @Min(value = 5, message = "At least 5 minutes.")
    @Max(value = 300, message = "At most 300 minutes.")
    private Integer readinessMinutes;

    @Valid
    private List<DomainForm> domains = new ArrayList<>();

    static CertificationForm of(Certification c) {
        CertificationForm form = new CertificationForm();
        form.code = c.code();
        form.name = c.name();
        form.examQuestions = c.examQuestions();
        form.examMinutes = c.examMinutes();
        form.passingScore = c.passingScore();
        form.readinessQuestions = c.readinessQuestions();
        form.readinessMinutes = c.readinessMinutes();
        for (ExamDomain d : c.domains()) {
            DomainForm row = new DomainForm();
            row.setId(d.id());
            row.setName(d.name());
            row.setWeightPercent(d.weightPercent());
            form.domains.add(row);
        }
        return form;
    }

    static CertificationForm blank() {
        CertificationForm form = new CertificationForm();
        form.examQuestions = 65;
        form.examMinutes = 130;
        form.passingScore = 720;
        form.readinessQuestions = 30;
        form.readinessMinutes = 30;
        for (int i = 0; i < 4; i++) {
            form.domains.add(new DomainForm());
        }
        return form;
    }

    int weightTotal() {
        return domains.stream()
                .mapToInt(d -> d.getWeightPercent() == null ? 0 : d.getWeightPercent())
                .sum();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getExamQuestions() {
        return examQuestions;
    }

    public void setExamQuestions(Integer examQuestions) {
        this.examQuestions = examQuestions;
    }

    public Integer getExamMinutes() {
        return examMinutes;
    }

    public void setExamMinutes(Integer examMinutes) {
        this.examMinutes = examMinutes;
    }

    public Integer getPassingScore() {
        return passingScore;
    }

    public void setPassingScore(Integer passingScore) {
        this.passingScore = passingScore;
    }

    public Integer getReadinessQuestions() {
        return readinessQuestions;
    }

    public void setReadinessQuestions(Integer readinessQuestions) {
        this.readinessQuestions = readinessQuestions;
    }

    public Integer getReadinessMinutes() {
        return readinessMinutes;
    }

    public void setReadinessMinutes(Integer readinessMinutes) {
        this.readinessMinutes = readinessMinutes;
    }

    public List<DomainForm> getDomains() {
        return domains;
    }

    public void setDomains(List<DomainForm> domains) {
        this.domains = domains;
    }

    public static class DomainForm {

        private Long id;

        @NotBlank(message = "Enter the domain's name.")
        @Size(max = 120, message = "At most 120 characters.")
        private String name;

        @NotNull(message = "Enter a weight.")
        @Min(value = 1, message = "At least 1%.")
        @Max(value = 100, message = "At most 100%.")
        private Integer weightPercent;

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getWeightPercent() {
            return weightPercent;
        }

        public void setWeightPercent(Integer weightPercent) {
            this.weightPercent = weightPercent;
        }
    }
}
