package com.cloudsquad.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Elastic Beanstalk hands an attached RDS database over as {@code RDS_HOSTNAME}, {@code RDS_PORT},
 * {@code RDS_DB_NAME}, {@code RDS_USERNAME} and {@code RDS_PASSWORD}. They become the datasource
 * unless {@code spring.datasource.url} is set explicitly, which always wins.
 */
class RdsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String host = environment.getProperty("RDS_HOSTNAME");
        if (host == null || host.isBlank() || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String port = environment.getProperty("RDS_PORT", "3306");
        String database = environment.getProperty("RDS_DB_NAME", "ebdb");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", "jdbc:mysql://" + host + ":" + port + "/" + database);
        properties.put("spring.datasource.username", environment.getProperty("RDS_USERNAME", ""));
        properties.put("spring.datasource.password", environment.getProperty("RDS_PASSWORD", ""));
        environment.getPropertySources().addLast(new MapPropertySource("elasticBeanstalkRds", properties));
    }
}
