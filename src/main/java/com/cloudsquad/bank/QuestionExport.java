package com.cloudsquad.bank;

import com.cloudsquad.bank.transfer.QuestionData;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns stored questions back into the transfer model, for export in any format. */
@Service
public class QuestionExport {

    private final QuestionBank bank;
    private final Catalog catalog;

    QuestionExport(QuestionBank bank, Catalog catalog) {
        this.bank = bank;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public List<QuestionData> select(QuestionFilter filter, int max) {
        List<Certification> certifications = catalog.certifications();
        List<QuestionData> out = new ArrayList<>();
        int page = 0;
        int size = 200;
        while (out.size() < max) {
            QuestionPage result = bank.search(new QuestionFilter(
                    filter.text(),
                    filter.certification(),
                    filter.domain(),
                    filter.difficulty(),
                    filter.status(),
                    filter.tag(),
                    "id",
                    page++,
                    size));
            for (QuestionRow row : result.rows()) {
                bank.find(row.id()).ifPresent(q -> out.add(toData(q, certifications)));
            }
            if (!result.hasNext()) {
                break;
            }
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    public static QuestionData toData(QuestionDetail question, List<Certification> certifications) {
        QuestionContent content = question.content();
        Certification certification = certifications.stream()
                .filter(c -> c.id() == question.certificationId())
                .findFirst()
                .orElseThrow();
        ExamDomain domain = certification.domain(content.domainId()).orElseThrow();
        return new QuestionData(
                certification.code(),
                domain.name(),
                null,
                content.title(),
                content.stem(),
                content.options().stream()
                        .map(o -> new QuestionData.OptionData(o.text(), o.correct(), o.explanation()))
                        .toList(),
                content.explanation(),
                content.references(),
                content.difficulty(),
                content.tags(),
                question.status().name(),
                content.format(),
                false);
    }
}
