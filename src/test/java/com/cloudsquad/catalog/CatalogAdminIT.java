package com.cloudsquad.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@CloudSquadIntegrationTest
class CatalogAdminIT {

    static final RequestPostProcessor ADMIN = user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Test
    void weightsThatDoNotAddUpTo100AreRefusedAndNothingChanges() throws Exception {
        mvc.perform(newCertification("ANS-C01")
                        .param("domains[0].name", "Network Design")
                        .param("domains[0].weightPercent", "30")
                        .param("domains[1].name", "Network Implementation")
                        .param("domains[1].weightPercent", "26"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("certificationForm", "domains", "domains.weights"))
                .andExpect(content().string(containsString("The domain weights add up to 56%, not 100%.")));
        assertThat(catalog.byCode("ANS-C01")).isEmpty();
    }

    @Test
    void aNewCertificationWithItsDomainsIsSaved() throws Exception {
        mvc.perform(newCertification("DVA-C02")
                        .param("domains[0].name", "Development with AWS Services")
                        .param("domains[0].weightPercent", "32")
                        .param("domains[1].name", "Security")
                        .param("domains[1].weightPercent", "26")
                        .param("domains[2].name", "Deployment")
                        .param("domains[2].weightPercent", "24")
                        .param("domains[3].name", "Troubleshooting and Optimization")
                        .param("domains[3].weightPercent", "18"))
                .andExpect(redirectedUrl("/admin/certifications"));

        Certification saved = catalog.byCode("DVA-C02").orElseThrow();
        assertThat(saved.domains()).extracting(ExamDomain::weightPercent).containsExactly(32, 26, 24, 18);
        mvc.perform(get("/admin/certifications").with(ADMIN))
                .andExpect(content().string(containsString("DVA-C02")));
    }

    @Test
    void theCodeOfAnotherCertificationCannotBeReused() throws Exception {
        mvc.perform(newCertification("SAA-C03")
                        .param("domains[0].name", "Only")
                        .param("domains[0].weightPercent", "100"))
                .andExpect(model().attributeHasFieldErrorCode("certificationForm", "code", "code.taken"));
    }

    @Test
    void candidatesCannotEditCertifications() throws Exception {
        mvc.perform(get("/admin/certifications").with(user("c@example.test").roles("CANDIDATE")))
                .andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder newCertification(String code) {
        return post("/admin/certifications")
                .with(ADMIN)
                .with(csrf())
                .param("code", code)
                .param("name", "AWS Certified " + code)
                .param("examQuestions", "65")
                .param("examMinutes", "130")
                .param("passingScore", "720")
                .param("readinessQuestions", "30")
                .param("readinessMinutes", "30");
    }
}
