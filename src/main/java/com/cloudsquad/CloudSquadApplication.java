package com.cloudsquad;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CloudSquadApplication {

    public static void main(String[] args) {
        SpringApplication.run(CloudSquadApplication.class, args);
    }
}
