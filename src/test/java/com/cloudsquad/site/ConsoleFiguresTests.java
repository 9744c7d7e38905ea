package com.cloudsquad.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.platform.ConsoleFigure;
import com.cloudsquad.platform.ConsoleFigures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The SPI as the integrator uses it: one {@code @Bean @Order} lambda per module, read in order. */
class ConsoleFiguresTests {

    @Configuration(proxyBeanMethods = false)
    static class TwoModules {

        @Bean
        @Order(20)
        ConsoleFigures bankFigures() {
            return () -> List.of(ConsoleFigure.count("Questions needing checking", 3, "/admin/questions"));
        }

        @Bean
        @Order(10)
        ConsoleFigures feedbackFigures() {
            return () -> List.of(
                    ConsoleFigure.count("Open problem reports", 12_345, "/admin/reports"),
                    ConsoleFigure.count("Hidden reviews", 0, null));
        }
    }

    @Test
    void moduleFiguresComeInBeanOrderWithThousandsSeparators() {
        try (var context = new AnnotationConfigApplicationContext(TwoModules.class)) {
            List<ConsoleFigure> figures = context.getBeanProvider(ConsoleFigures.class)
                    .orderedStream()
                    .flatMap(module -> module.figures().stream())
                    .toList();

            assertThat(figures)
                    .containsExactly(
                            new ConsoleFigure("Open problem reports", "12,345", "/admin/reports"),
                            new ConsoleFigure("Hidden reviews", "0", null),
                            new ConsoleFigure("Questions needing checking", "3", "/admin/questions"));
        }
    }
}
