package com.cloudsquad.bank;

import com.cloudsquad.platform.ConsoleFigure;
import com.cloudsquad.platform.ConsoleFigures;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Bank's tile on the admin console: questions whose item statistics need checking. */
@Component
@Order(20)
class ItemStatisticsConsoleFigures implements ConsoleFigures {

    private final ItemStatistics statistics;

    ItemStatisticsConsoleFigures(ItemStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public List<ConsoleFigure> figures() {
        return List.of(ConsoleFigure.count(
                "Questions needing checking",
                statistics.questionsNeedingChecking(),
                "/admin/questions/statistics?flagged=true"));
    }
}
