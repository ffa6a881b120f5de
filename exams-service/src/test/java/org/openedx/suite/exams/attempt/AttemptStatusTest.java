package org.openedx.suite.exams.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openedx.suite.exams.exam.ExamType;

/** The attempt state machine on its own: every status, action and exam type. */
class AttemptStatusTest {

    /** The allowed moves, as the suite's specification lists them; everything else is refused. */
    private static final Set<String> ALLOWED = Set.of(
            "started submit proctored", "started submit timed", "started submit practice", "started submit onboarding",
            "submitted verify proctored", "submitted verify onboarding",
            "submitted reject proctored", "submitted reject onboarding",
            "started error proctored", "started error timed", "started error practice", "started error onboarding",
            "submitted error proctored", "submitted error timed", "submitted error practice",
            "submitted error onboarding");

    @ParameterizedTest(name = "{0} --{1}--> {3} on a {2} exam")
    @CsvSource({
            "started,   submit, proctored,  submitted",
            "started,   submit, timed,      submitted",
            "started,   submit, practice,   submitted",
            "started,   submit, onboarding, submitted",
            "submitted, verify, proctored,  verified",
            "submitted, verify, onboarding, verified",
            "submitted, reject, proctored,  rejected",
            "submitted, reject, onboarding, rejected",
            "started,   error,  proctored,  error",
            "started,   error,  timed,      error",
            "started,   error,  practice,   error",
            "started,   error,  onboarding, error",
            "submitted, error,  proctored,  error",
            "submitted, error,  timed,      error",
            "submitted, error,  practice,   error",
            "submitted, error,  onboarding, error"})
    void an_allowed_action_moves_the_attempt_on(String from, String action, String examType, String to) {
        assertThat(status(from).after(action(action), examType(examType))).contains(status(to));
    }

    @ParameterizedTest(name = "{0} --{1}--> refused on a {2} exam")
    @MethodSource("everyOtherMove")
    void any_other_action_is_refused(AttemptStatus from, AttemptAction action, ExamType examType) {
        assertThat(from.after(action, examType)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is final")
    @CsvSource({"verified", "rejected", "error"})
    void verified_rejected_and_error_are_final(String status) {
        for (AttemptAction action : AttemptAction.values()) {
            for (ExamType examType : ExamType.values()) {
                assertThat(status(status).after(action, examType)).as("%s on a %s exam", action, examType).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0} exams are not reviewed")
    @CsvSource({"timed", "practice"})
    void attempts_at_unreviewed_exams_can_be_neither_verified_nor_rejected(String examType) {
        assertThat(AttemptStatus.SUBMITTED.after(AttemptAction.VERIFY, examType(examType))).isEmpty();
        assertThat(AttemptStatus.SUBMITTED.after(AttemptAction.REJECT, examType(examType))).isEmpty();
    }

    static List<Arguments> everyOtherMove() {
        List<Arguments> moves = new ArrayList<>();
        for (AttemptStatus from : AttemptStatus.values()) {
            for (AttemptAction action : AttemptAction.values()) {
                for (ExamType examType : ExamType.values()) {
                    if (!ALLOWED.contains(from + " " + action + " " + examType)) {
                        moves.add(Arguments.of(from, action, examType));
                    }
                }
            }
        }
        // 5 statuses x 4 actions x 4 exam types, less the 16 allowed moves
        assertThat(moves).hasSize(80 - ALLOWED.size());
        return moves;
    }

    private static AttemptStatus status(String value) {
        return AttemptStatus.of(value);
    }

    private static AttemptAction action(String value) {
        return AttemptAction.valueOf(value.toUpperCase());
    }

    private static ExamType examType(String value) {
        return ExamType.valueOf(value.toUpperCase());
    }
}
