package org.openedx.suite.lms;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/** What every service of the suite serves besides its API. */
@LmsServiceTest
class ServiceBasicsTest {

    @Autowired Lms lms;


    @Test
    void health_is_up() {
        lms.http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void dead_letters_can_be_listed_by_the_operator() {
        lms.http.get().uri("/actuator/deadletters").header(HttpHeaders.AUTHORIZATION, lms.operator()).exchange()
                .expectStatus().isOk();
    }

    @Test
    void the_openapi_description_covers_the_api() {
        lms.http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/users']").exists()
                .jsonPath("$.paths['/api/courses/{course_key}/grading-policy']").exists()
                .jsonPath("$.paths['/api/enrollments']").exists()
                .jsonPath("$.paths['/api/grades/{course_key}/{username}/subsections/{usage_key}']").exists()
                .jsonPath("$.paths['/api/certificates']").exists()
                .jsonPath("$.paths['/api/certificates/{course_key}/{username}/invalidate']").exists()
                .jsonPath("$.paths['/api/credit/{course_key}/{username}']").exists()
                .jsonPath("$.paths['/api/completion/{course_key}/{username}']").exists();
    }
}
