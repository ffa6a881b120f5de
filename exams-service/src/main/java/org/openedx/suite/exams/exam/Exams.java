package org.openedx.suite.exams.exam;

import java.time.Instant;
import java.util.List;

import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.web.ApiException;
import org.openedx.suite.contracts.OpenEdxKeys;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class Exams {

    private final ExamRepository exams;

    Exams(ExamRepository exams) {
        this.exams = exams;
    }

    @Transactional
    ExamResponse create(CreateExamRequest request) {
        if (!OpenEdxKeys.isBlockOf(request.usageKey(), request.courseKey())) {
            throw ApiException.badRequest("usage_key", "must be a block of course " + request.courseKey());
        }
        if (exams.existsByUsageKey(request.usageKey())) {
            throw alreadyExists(request.usageKey());
        }
        Exam exam = new Exam(request.courseKey(), request.usageKey(), request.examType(), request.name(),
                request.timeLimitMins(), EventTimes.truncate(Instant.now()));
        try {
            return ExamResponse.of(exams.saveAndFlush(exam));
        } catch (DataIntegrityViolationException e) {
            // another request created it between the check and the insert
            throw alreadyExists(request.usageKey());
        }
    }

    @Transactional(readOnly = true)
    ExamResponse get(long id) {
        return exams.findById(id).map(ExamResponse::of)
                .orElseThrow(() -> ApiException.notFound("no exam with id " + id));
    }

    @Transactional(readOnly = true)
    List<ExamResponse> list(String courseKey) {
        List<Exam> found = courseKey == null ? exams.findAllByOrderById() : exams.findByCourseKeyOrderById(courseKey);
        return found.stream().map(ExamResponse::of).toList();
    }

    private static ApiException alreadyExists(String usageKey) {
        return ApiException.conflict("an exam already exists for usage_key " + usageKey);
    }
}
