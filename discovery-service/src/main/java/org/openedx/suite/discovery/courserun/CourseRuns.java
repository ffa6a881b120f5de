package org.openedx.suite.discovery.courserun;

import org.openedx.suite.web.ApiException;
import org.openedx.suite.web.ResultPage;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CourseRuns {

    private final CourseRunRepository runs;
    private final HistoricalCourseRunRepository history;
    private final CourseRunSearch search;

    CourseRuns(CourseRunRepository runs, HistoricalCourseRunRepository history, CourseRunSearch search) {
        this.runs = runs;
        this.history = history;
        this.search = search;
    }

    @Transactional(readOnly = true)
    CourseRunResponse get(String courseKey) {
        return runs.findById(courseKey).map(CourseRunResponse::of)
                .orElseThrow(() -> ApiException.notFound("course run " + courseKey + " is not in the catalog"));
    }

    /** The visible runs the query finds, best match first when it has a text, in key order otherwise. */
    @Transactional(readOnly = true)
    CourseRunPage search(CourseRunQuery query, int page, int size) {
        return search.find(query, page, size);
    }

    /** The run as each applied catalog event left it, in the order they were applied. */
    @Transactional(readOnly = true)
    ResultPage<HistoricalCourseRunResponse> history(String courseKey, int page, int size) {
        if (!runs.existsById(courseKey)) {
            throw ApiException.notFound("course run " + courseKey + " is not in the catalog");
        }
        return ResultPage.of(history.findByDetailsRunKey(courseKey, PageRequest.of(page - 1, size, Sort.by("id"))),
                HistoricalCourseRunResponse::of);
    }
}
