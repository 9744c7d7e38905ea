package com.cloudsquad.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.EnumSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sessions live in the database (two instances share them) and every logged-in request reads its
 * session; this keeps that to one read, and writes only what changed: see {@link LeanSessionRepository}. Boot's own JDBC
 * session set-up stays as it is (cleanup, timeout, table); its repository is only wrapped.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /**
     * Gives Spring Session's JDBC set-up our transactions (not as a bean: a TransactionOperations
     * bean would replace Boot's TransactionTemplate), then wraps the repository it makes.
     */
    @Bean
    static BeanPostProcessor leanSessionRepository(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(
                            LeanSessionRepository.transactions(transactions.getObject()));
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions ? lean(sessions) : bean;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static LeanSessionRepository<?> lean(JdbcIndexedSessionRepository sessions) {
        return new LeanSessionRepository((FindByIndexNameSessionRepository) sessions);
    }

    /**
     * Runs around Spring Session's filter on every kind of dispatch (it runs on REQUEST, ERROR
     * and ASYNC ones, and an error page saves the session too): whatever a dispatch leaves on the
     * thread is forgotten before and after it.
     */
    @Bean
    FilterRegistrationBean<Filter> leanSessionForgetting() {
        Filter filter = (request, response, chain) -> {
            LeanSessionRepository.forget();
            try {
                chain.doFilter(request, response);
            } finally {
                LeanSessionRepository.forget();
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("leanSessionForgetting");
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
