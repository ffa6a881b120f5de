package org.openedx.suite.discovery.courserun;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.web.ApiException;
import org.openedx.suite.web.ResultPage;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CourseRuns {

    private final CourseRunRepository runs;
    private final HistoricalCourseRunRepository history;

    CourseRuns(CourseRunRepository runs, HistoricalCourseRunRepository history) {
        this.runs = runs;
        this.history = history;
    }

    @Transactional(readOnly = true)
    CourseRunResponse get(String courseKey) {
        return runs.findById(courseKey).map(CourseRunResponse::of)
                .orElseThrow(() -> ApiException.notFound("course run " + courseKey + " is not in the catalog"));
    }

    /** Runs whose title or key contains the text, ignoring case; every run when there is no text. */
    @Transactional(readOnly = true)
    ResultPage<CourseRunResponse> search(@Nullable String text, int page, int size) {
        Pageable pageable = PageRequest.of(page - 1, size, Sort.by("runKey"));
        if (text == null || text.isBlank()) {
            return ResultPage.of(runs.findAll(pageable), CourseRunResponse::of);
        }
        return ResultPage.of(runs.search(containing(text.trim()), pageable), CourseRunResponse::of);
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

    /** A LIKE pattern matching the text literally: {@code _} and {@code %} are common in keys and titles. */
    private static String containing(String text) {
        String literal = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
