package com.cloudsquad.bank;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The bank's {@link OptionLengthStats}, for the warning on the admin list. Reading every option
 * of a large bank takes a moment, so the figures are kept until a question changes.
 */
@Component
public class OptionLengthAudit {

    private final QuestionBank bank;
    private final AtomicReference<Computed> last = new AtomicReference<>();

    OptionLengthAudit(QuestionBank bank) {
        this.bank = bank;
    }

    public OptionLengthStats current() {
        String mark = bank.changeMark();
        Computed known = last.get();
        if (known != null && known.mark().equals(mark)) {
            return known.stats();
        }
        OptionLengthStats stats = OptionLengthStats.of(bank.optionLengths());
        last.set(new Computed(mark, stats));
        return stats;
    }

    private record Computed(String mark, OptionLengthStats stats) {}
}
