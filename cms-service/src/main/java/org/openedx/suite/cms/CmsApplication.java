package org.openedx.suite.cms;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "cms-service", version = "1.0.0",
        description = "Course authoring and publishing. Publishing a course announces it to the catalog with "
                + "org.openedx.content_authoring.course.catalog_info.changed.v1."))
public class CmsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CmsApplication.class, args);
    }
}
