package org.openedx.suite.cms.course;

import java.time.Instant;
import java.util.UUID;

import org.openedx.suite.contracts.ContentAuthoringEvents.CourseCreated;
import org.openedx.suite.contracts.ContentAuthoringEvents.CourseData;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.eventbus.Tracker;
import org.openedx.suite.web.ApiException;
import org.openedx.suite.web.ResultPage;
import org.openedx.suite.web.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class Courses {

    private final CourseRepository courses;
    private final EventPublisher events;
    private final Tracker tracker;
    private final ApplicationEventPublisher reactions;

    Courses(CourseRepository courses, EventPublisher events, Tracker tracker, ApplicationEventPublisher reactions) {
        this.courses = courses;
        this.events = events;
        this.tracker = tracker;
        this.reactions = reactions;
    }

    @Transactional
    CourseResponse create(NewCourse request) {
        CourseDetails details = request.details();
        if (courses.existsById(request.courseKey())) {
            throw exists(request.courseKey());
        }
        Course course = Course.create(request.courseKey(), details, Instant.now());
        try {
            courses.saveAndFlush(course);
        } catch (DataIntegrityViolationException e) {
            // created by a concurrent request since we looked
            throw exists(request.courseKey());
        }
        reactions.publishEvent(new CourseCreated(new CourseData(course.courseKey())));
        return CourseResponse.of(course);
    }

    @Transactional
    CourseResponse edit(String courseKey, CourseEdit request) {
        CourseDetails details = request.details();
        Course course = courses.findForUpdate(courseKey).orElseThrow(() -> notFound(courseKey));
        course.edit(details, Instant.now());
        return CourseResponse.of(course);
    }

    /**
     * Announces the course as it is now. The row is locked and updated before the event is written, so publishes of
     * one course take turns and their events reach the topic in the order they committed. The publish is tracked
     * ({@code edx.course.published}) at its own time, the course's {@code published_at}; the catalog event carries
     * the last edit's. The course's outline is published by the content's reaction to {@link CoursePublished}.
     */
    @Transactional
    PublishResponse publish(String courseKey, Caller caller) {
        Course course = courses.findForUpdate(courseKey).orElseThrow(() -> notFound(courseKey));
        course.markPublished(Instant.now());
        UUID eventId = events.publish(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED, course.catalogInfo(),
                course.editedAt());
        tracker.emit(CourseTracking.published(courseKey, caller, course.publishedAt()));
        reactions.publishEvent(new CoursePublished(courseKey, course.publishedAt()));
        return new PublishResponse(courseKey, eventId);
    }

    @Transactional(readOnly = true)
    CourseResponse get(String courseKey) {
        return courses.findById(courseKey).map(CourseResponse::of).orElseThrow(() -> notFound(courseKey));
    }

    @Transactional(readOnly = true)
    ResultPage<CourseResponse> list(int page, int size) {
        return ResultPage.of(courses.findAll(PageRequest.of(page - 1, size, Sort.by("courseKey"))),
                CourseResponse::of);
    }

    private static ApiException notFound(String courseKey) {
        return ApiException.notFound("course " + courseKey + " does not exist");
    }

    private static ApiException exists(String courseKey) {
        return new ApiException(HttpStatus.CONFLICT, "course_key", "course " + courseKey + " already exists");
    }
}
