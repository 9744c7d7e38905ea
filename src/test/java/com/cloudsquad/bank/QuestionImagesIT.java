package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@CloudSquadIntegrationTest
class QuestionImagesIT {

    /** A real 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    MockMvc mvc;

    @Autowired
    Catalog catalog;

    @Autowired
    QuestionBank bank;

    @LocalServerPort
    int port;

    MockMultipartHttpServletRequestBuilder form(MockMultipartFile image) {
        var saa = catalog.byCode("SAA-C03").orElseThrow();
        return (MockMultipartHttpServletRequestBuilder) multipart("/admin/questions")
                .file(image)
                .with(user("admin@cloudsquad.test").roles("CANDIDATE", "ADMIN"))
                .with(csrf())
                .param("certificationId", String.valueOf(saa.id()))
                .param("domainId", String.valueOf(saa.domains().get(1).id()))
                .param("difficulty", "2")
                .param("stem", "Look at the diagram. Which tier fails over?")
                .param("options[0].text", "Database")
                .param("options[0].correct", "true")
                .param("options[1].text", "Web")
                .param("options[2].text", "Cache")
                .param("options[3].text", "Queue");
    }

    @Test
    void aPngDiagramIsStoredWithTheVersionAndServedToLoggedInUsersOnly() throws Exception {
        String location = mvc.perform(form(new MockMultipartFile("image", "diagram.png", "image/png", PNG)))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String key = bank.find(id).orElseThrow().content().imageKey();
        assertThat(key).matches("[0-9a-f]{64}\\.png");

        mvc.perform(get("/images/" + key).with(user("someone@example.test").roles("CANDIDATE")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(content().bytes(PNG));
        assertThat(new WebSession(port).get("/images/" + key).statusCode())
                .as("anonymous visitors are sent to log in")
                .isEqualTo(302);
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedWhateverItsName() throws Exception {
        long before = bank.count();
        mvc.perform(form(
                        new MockMultipartFile("image", "diagram.png", "image/png", "<svg onload=alert(1)>".getBytes())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use a PNG, JPEG or WebP image")));
        assertThat(bank.count()).isEqualTo(before);
    }

    @Test
    void anImageOver2MbIsRefused() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        mvc.perform(form(new MockMultipartFile("image", "big.png", "image/png", big)))
                .andExpect(content().string(containsString("The image is larger than 2 MB.")));
    }
}
