package org.openedx.suite.cms.tagging;

import org.openedx.suite.cms.content.ContentLookup;
import org.openedx.suite.cms.course.CourseLookup;
import org.openedx.suite.contracts.ContentAuthoringEvents.CourseCreated;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockCreated;
import org.openedx.suite.contracts.ContentAuthoringEvents.XBlockUpdated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Automatic content tagging, as Open edX's content_tagging handlers do it: a new course, and every block created or
 * edited, gets the course's language as its Language tag, unless it has a Language tag already.
 */
@Component
class LanguageTagging {

    private final ObjectTags tags;
    private final CourseLookup courses;
    private final ContentLookup content;

    LanguageTagging(ObjectTags tags, CourseLookup courses, ContentLookup content) {
        this.tags = tags;
        this.courses = courses;
        this.content = content;
    }

    @ApplicationModuleListener
    void on(CourseCreated created) {
        String courseKey = created.course().courseKey();
        courses.languageOf(courseKey)
                .ifPresent(language -> tags.addUnlessTagged(courseKey, Taxonomy.LANGUAGE, language));
    }

    @ApplicationModuleListener
    void on(XBlockCreated created) {
        tagWithTheCoursesLanguage(created.xblockInfo().usageKey());
    }

    @ApplicationModuleListener
    void on(XBlockUpdated updated) {
        tagWithTheCoursesLanguage(updated.xblockInfo().usageKey());
    }

    private void tagWithTheCoursesLanguage(String usageKey) {
        content.find(usageKey).flatMap(block -> courses.languageOf(block.courseKey()))
                .ifPresent(language -> tags.addUnlessTagged(usageKey, Taxonomy.LANGUAGE, language));
    }
}
