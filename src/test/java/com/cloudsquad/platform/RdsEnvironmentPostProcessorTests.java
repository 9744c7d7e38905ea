package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RdsEnvironmentPostProcessorTests {

    final RdsEnvironmentPostProcessor processor = new RdsEnvironmentPostProcessor();

    @Test
    void elasticBeanstalkRdsVariablesBecomeTheDatasource() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("RDS_HOSTNAME", "db.abc.eu-west-1.rds.amazonaws.com")
                .withProperty("RDS_PORT", "3307")
                .withProperty("RDS_DB_NAME", "cloudsquad")
                .withProperty("RDS_USERNAME", "app")
                .withProperty("RDS_PASSWORD", "s3cret");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:mysql://db.abc.eu-west-1.rds.amazonaws.com:3307/cloudsquad");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s3cret");
    }

    @Test
    void anExplicitDatasourceUrlWins() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("RDS_HOSTNAME", "rds.example")
                .withProperty("spring.datasource.url", "jdbc:mysql://mine:3306/app");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:mysql://mine:3306/app");
    }

    @Test
    void withoutRdsVariablesNothingIsConfigured() {
        MockEnvironment environment = new MockEnvironment();
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url")).isNull();
    }
}
