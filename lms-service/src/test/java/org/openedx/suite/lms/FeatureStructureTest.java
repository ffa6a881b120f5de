package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The LMS's features (the packages below {@code org.openedx.suite.lms}) depend on each other without cycles, and only
 * on each other's top-level types: the REST features and the exam handler call {@code learner}, which calls none of
 * them back.
 */
class FeatureStructureTest {

    private final ApplicationModules features = ApplicationModules.of(LmsApplication.class);

    private static String name(ApplicationModule feature) {
        return feature.getIdentifier().toString();
    }

    @Test
    void no_feature_calls_back_into_a_feature_that_calls_it() {
        assertThat(features.stream().map(FeatureStructureTest::name))
                .contains("learner", "grade", "certificate", "enrollment", "exam", "course", "user");
        features.verify();
    }

    @Test
    void the_learner_in_a_course_depends_only_on_users_and_courses() {
        ApplicationModule learner = features.getModuleByName("learner").orElseThrow();
        assertThat(learner.getDirectDependencies(features).uniqueModules().map(FeatureStructureTest::name))
                .containsExactlyInAnyOrder("user", "course");
    }
}
