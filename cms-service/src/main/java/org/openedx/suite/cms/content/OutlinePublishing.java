package org.openedx.suite.cms.content;

import org.openedx.suite.cms.course.CoursePublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A course publish publishes its outline: every block changed since its last publish announces itself. */
@Component
class OutlinePublishing {

    private final Blocks blocks;

    OutlinePublishing(Blocks blocks) {
        this.blocks = blocks;
    }

    @ApplicationModuleListener
    void on(CoursePublished published) {
        blocks.publishOutline(published.courseKey(), published.publishedAt());
    }
}
