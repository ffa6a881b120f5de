package org.openedx.suite.lms.ora;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OraSubmissionEvent;
import org.openedx.suite.lms.learner.LearnersInCourses;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Open response assessments: learners submit, the plagiarism service judges, staff read both. */
@Service
class OraSubmissions {

    private final OraSubmissionRepository submissions;
    private final LearnersInCourses learners;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final PlagiarismSettings plagiarism;

    OraSubmissions(OraSubmissionRepository submissions, LearnersInCourses learners, Users users,
                   ApplicationEventPublisher events, PlagiarismSettings plagiarism) {
        this.submissions = submissions;
        this.learners = learners;
        this.users = users;
        this.events = events;
        this.plagiarism = plagiarism;
    }

    /** Stores the learner's response and announces it; 409 when the learner is not enrolled in the block's run. */
    @Transactional
    OraController.SubmissionResponse submit(String usageKey, User learner, String text) {
        String courseKey = courseKeyOf(usageKey);
        if (!learners.isEnrolled(learner, courseKey)) {
            throw new ApiException(HttpStatus.CONFLICT, "username", learner.username() + " is not enrolled in "
                    + courseKey);
        }
        Instant now = EventTimes.truncate(Instant.now());
        OraSubmission submission = submissions.save(new OraSubmission(usageKey, courseKey, learner.id(),
                submissions.lastAttempt(usageKey, learner.id()) + 1, text, now, plagiarism.enabled()));
        String at = EventTimes.format(now);
        events.publishEvent(new OraSubmissionCreated(new OraSubmissionEvent(new OraSubmissionEvent.ORASubmissionData(
                submission.uuid().toString(), anonymousIdOf(learner, courseKey), usageKey,
                submission.attemptNumber(), at, at, OraSubmissionEvent.ORASubmissionAnswer.text(text))),
                courseKey, learner.username(), text));
        return view(submission, learner.username());
    }

    @Transactional(readOnly = true)
    List<OraController.SubmissionResponse> of(String usageKey) {
        List<OraSubmission> found = submissions.findByUsageKeyOrderBySubmittedAtAscUuidAsc(usageKey);
        var names = users.findAllById(found.stream().map(OraSubmission::userId).distinct().toList());
        return found.stream().map(s -> view(s, names.get(s.userId()).username())).toList();
    }

    /** The plagiarism service's verdict; 404 for a submission the LMS does not have. */
    @Transactional
    void checked(UUID submissionUuid, BigDecimal similarity, String reportUrl) {
        OraSubmission submission = submissions.findById(submissionUuid).orElseThrow(() ->
                ApiException.notFound("no submission " + submissionUuid));
        submission.checked(similarity.setScale(3, RoundingMode.HALF_UP), reportUrl, Instant.now());
    }

    /** In the transaction that records that the check could not be requested. */
    void checkFailed(UUID submissionUuid) {
        submissions.findById(submissionUuid).ifPresent(OraSubmission::checkFailed);
    }

    /** {@code block-v1:ORG+NUMBER+RUN+type@...} belongs to run {@code course-v1:ORG+NUMBER+RUN}. */
    static String courseKeyOf(String usageKey) {
        String rest = usageKey.substring("block-v1:".length());
        return "course-v1:" + rest.substring(0, rest.indexOf("+type@"));
    }

    /** A stable id for the learner in this run that does not give away who they are (as Open edX's anonymous ids). */
    private static String anonymousIdOf(User learner, String courseKey) {
        return UUID.nameUUIDFromBytes((learner.id() + "|" + courseKey).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().replace("-", "");
    }

    private static OraController.SubmissionResponse view(OraSubmission s, String username) {
        return new OraController.SubmissionResponse(s.uuid(), s.usageKey(), s.courseKey(), username,
                s.attemptNumber(), s.answer(), s.submittedAt(), new OraController.Plagiarism(s.plagiarismStatus(),
                s.similarity(), s.reportUrl(), s.checkedAt()));
    }
}
