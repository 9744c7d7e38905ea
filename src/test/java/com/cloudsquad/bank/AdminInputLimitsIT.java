package com.cloudsquad.bank;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Inputs longer than their columns are messages next to the field, not 500s. */
@CloudSquadIntegrationTest
class AdminInputLimitsIT {

    static final RequestPostProcessor ADMIN = user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN");

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Test
    void aTitleOverTwoHundredCharactersIsAnErrorOnTheTitle() throws Exception {
        mvc.perform(validQuestion().param("title", "t".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("questionForm", "title"))
                .andExpect(content().string(containsString("The title can be at most 200 characters.")));
    }

    @Test
    void tagsOverFiveHundredCharactersAreAnErrorOnTheTags() throws Exception {
        String tags = String.join(
                ", ",
                java.util.stream.IntStream.range(0, 60)
                        .mapToObj(i -> "tag-number-" + i)
                        .toList());
        mvc.perform(validQuestion().param("tags", tags))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("questionForm", "tags"))
                .andExpect(content().string(containsString("The tags can be at most 500 characters together.")));
    }

    @Test
    void anImportFileNameOverTwoHundredFiftyFiveCharactersIsExplained() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", "q".repeat(252) + ".json", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/questions/import").file(file).with(ADMIN).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file name is longer than 255 characters.")));
    }

    private MockHttpServletRequestBuilder validQuestion() {
        Certification certification = catalog.certifications().get(0);
        return post("/admin/questions")
                .with(ADMIN)
                .with(csrf())
                .param("certificationId", String.valueOf(certification.id()))
                .param("domainId", String.valueOf(certification.domains().get(0).id()))
                .param("difficulty", "2")
                .param("stem", "Which service stores objects?")
                .param("options[0].text", "Amazon S3")
                .param("options[0].correct", "true")
                .param("options[1].text", "Amazon EC2")
                .param("options[2].text", "Amazon VPC")
                .param("options[3].text", "AWS IAM");
    }
}
