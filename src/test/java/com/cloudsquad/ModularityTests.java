package com.cloudsquad;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(CloudSquadApplication.class);

    @Test
    void modulesOnlyUseWhatTheyDeclare() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentationWithEveryModule() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target/spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(dir.toString())).writeDocumentation();

        modules.forEach(module -> org.assertj.core.api.Assertions.assertThat(
                        dir.resolve("module-" + module.getIdentifier() + ".adoc"))
                .exists());
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(dir.resolve("components.puml")))
                .contains("Exam", "Progress", "Bank");
    }
}
