package com.cloudsquad.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@CloudSquadIntegrationTest
class QuestionBankIT {

    @Autowired
    QuestionBank bank;

    @Autowired
    Catalog catalog;

    String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    Certification saa() {
        return catalog.byCode("SAA-C03").orElseThrow();
    }

    QuestionContent content(String stem, long domainId) {
        return new QuestionContent(
                domainId,
                2,
                null,
                stem,
                List.of(
                        new QuestionContent.Option("Amazon S3 Glacier Deep Archive", true, "Cheapest for archives."),
                        new QuestionContent.Option("Amazon EBS gp3", false, "Block storage, not archive."),
                        new QuestionContent.Option("Amazon EFS", false, "File storage."),
                        new QuestionContent.Option("Instance store", false, "Ephemeral.")),
                "Archive storage classes.",
                List.of("https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html"),
                List.of("s3", marker));
    }

    @Test
    void theCatalogHoldsTheRealExamFacts() {
        Certification saa = saa();
        assertThat(saa.examQuestions()).isEqualTo(65);
        assertThat(saa.examMinutes()).isEqualTo(130);
        assertThat(saa.passingScore()).isEqualTo(720);
        assertThat(saa.readinessQuestions()).isEqualTo(30);
        assertThat(saa.domains()).extracting(d -> d.weightPercent()).containsExactly(30, 26, 24, 20);
        Certification clf = catalog.byCode("CLF-C02").orElseThrow();
        assertThat(clf.examMinutes()).isEqualTo(90);
        assertThat(clf.passingScore()).isEqualTo(700);
        assertThat(clf.domains()).extracting(d -> d.weightPercent()).containsExactly(24, 30, 34, 12);
    }

    @Test
    void aDraftIsEditedInPlace() {
        long domain = saa().domains().get(0).id();
        long id = bank.create(content("Draft about archives " + marker, domain), QuestionStatus.DRAFT, "admin");
        QuestionDetail draft = bank.find(id).orElseThrow();

        bank.update(id, content("Draft about archives, edited " + marker, domain), draft.lockVersion(), "admin");

        assertThat(bank.history(id)).hasSize(1);
        assertThat(bank.find(id).orElseThrow().content().stem()).contains("edited");
    }

    @Test
    void editingAPublishedQuestionAddsAVersionAndKeepsTheOldOne() {
        long domain = saa().domains().get(0).id();
        long id = bank.create(content("Published about archives " + marker, domain), QuestionStatus.PUBLISHED, "admin");
        QuestionDetail before = bank.find(id).orElseThrow();
        long firstVersionId = before.current().id();

        bank.update(id, content("Published about archives, corrected " + marker, domain), before.lockVersion(), "ed");

        QuestionDetail after = bank.find(id).orElseThrow();
        assertThat(after.versionCount()).isEqualTo(2);
        assertThat(after.current().id()).isNotEqualTo(firstVersionId);
        assertThat(after.status()).isEqualTo(QuestionStatus.PUBLISHED);
        assertThat(bank.version(firstVersionId).orElseThrow().content().stem())
                .isEqualTo("Published about archives " + marker);
        assertThat(bank.history(id))
                .extracting(QuestionVersion::versionNo, QuestionVersion::createdBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "admin"), org.assertj.core.groups.Tuple.tuple(2, "ed"));
    }

    @Test
    void aVersionThatWasOncePublishedIsNeverEditedInPlaceEvenBackInDraft() {
        // Attempts keep the version they showed: a candidate's answer review must not change
        // because the question went back to draft and was edited there.
        long domain = saa().domains().get(0).id();
        long id = bank.create(content("Shown to candidates " + marker, domain), QuestionStatus.DRAFT, "admin");
        bank.changeStatus(List.of(id), QuestionStatus.PUBLISHED);
        long shown = bank.find(id).orElseThrow().current().id();
        bank.changeStatus(List.of(id), QuestionStatus.DRAFT);

        bank.update(
                id,
                content("Reworded in draft " + marker, domain),
                bank.find(id).orElseThrow().lockVersion(),
                "ed");
        bank.update(
                id,
                content("Reworded twice " + marker, domain),
                bank.find(id).orElseThrow().lockVersion(),
                "ed");

        assertThat(bank.version(shown).orElseThrow().content().stem()).isEqualTo("Shown to candidates " + marker);
        QuestionDetail after = bank.find(id).orElseThrow();
        assertThat(after.current().id()).isNotEqualTo(shown);
        assertThat(after.content().stem()).startsWith("Reworded twice");
        // the new draft version, never published, is edited in place again
        assertThat(after.versionCount()).isEqualTo(2);
    }

    @Test
    void aStaleEditIsRefusedInsteadOfOverwritingAnother() {
        long domain = saa().domains().get(0).id();
        long id = bank.create(content("Contested " + marker, domain), QuestionStatus.DRAFT, "admin");
        int lock = bank.find(id).orElseThrow().lockVersion();
        bank.update(id, content("First editor " + marker, domain), lock, "one");

        assertThatThrownBy(() -> bank.update(id, content("Second editor " + marker, domain), lock, "two"))
                .isInstanceOf(QuestionChangedException.class);
        assertThat(bank.find(id).orElseThrow().content().stem()).startsWith("First editor");
    }

    @Test
    void searchFiltersByTextTagDomainStatusAndPages() {
        Certification saa = saa();
        long secure = saa.domains().get(0).id();
        long resilient = saa.domains().get(1).id();
        for (int i = 0; i < 3; i++) {
            bank.create(content("Lifecycle rules " + marker + " number " + i, secure), QuestionStatus.PUBLISHED, "a");
        }
        bank.create(content("Replication " + marker, resilient), QuestionStatus.DRAFT, "a");

        assertThat(bank.search(filter(marker, null, null, null)).total()).isEqualTo(4);
        assertThat(bank.search(filter(null, resilient, null, marker)).total()).isEqualTo(1);
        assertThat(bank.search(filter(null, null, QuestionStatus.DRAFT, marker)).total())
                .isEqualTo(1);
        assertThat(bank.search(filter("lifecycle " + marker, null, null, null)).total())
                .isEqualTo(3);

        QuestionPage second = bank.search(new QuestionFilter(null, null, null, null, null, marker, "id", 1, 3));
        assertThat(second.rows()).hasSize(1);
        assertThat(second.pages()).isEqualTo(2);
        assertThat(second.rows().get(0).stem()).startsWith("Replication");
    }

    @Test
    void statusChangesOnlyTouchTheChosenQuestions() {
        long domain = saa().domains().get(0).id();
        long one = bank.create(content("One " + marker, domain), QuestionStatus.DRAFT, "a");
        long two = bank.create(content("Two " + marker, domain), QuestionStatus.DRAFT, "a");

        assertThat(bank.changeStatus(List.of(one), QuestionStatus.PUBLISHED)).isEqualTo(1);

        assertThat(bank.find(one).orElseThrow().status()).isEqualTo(QuestionStatus.PUBLISHED);
        assertThat(bank.find(two).orElseThrow().status()).isEqualTo(QuestionStatus.DRAFT);
    }

    QuestionFilter filter(String text, Long domain, QuestionStatus status, String tag) {
        return new QuestionFilter(text, null, domain, null, status, tag, null, 0, 25);
    }
}
