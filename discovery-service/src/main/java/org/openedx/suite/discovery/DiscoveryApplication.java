package org.openedx.suite.discovery;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "discovery-service", version = "1.0.0",
        description = "Course catalog and search, kept from the CMS's "
                + "org.openedx.content_authoring.course.catalog_info.changed.v1 events."))
public class DiscoveryApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiscoveryApplication.class, args);
    }
}
