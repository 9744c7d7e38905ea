package com.cloudsquad.progress;

import com.cloudsquad.exam.DrillDifficulty;
import org.springframework.stereotype.Component;

/** A domain drill aims at the candidate's level in that domain (2, medium, until there is one). */
@Component
class AdaptiveDrillDifficulty implements DrillDifficulty {

    private final ProgressStore store;

    AdaptiveDrillDifficulty(ProgressStore store) {
        this.store = store;
    }

    @Override
    public int difficultyFor(long accountId, long domainId) {
        return store.domain(accountId, domainId)
                .map(ProgressStore.DomainRow::level)
                .orElse(2);
    }
}
