package org.openedx.suite.lms.credit;

/** Where a learner stands on one credit requirement. */
public enum CreditStatus {
    SUBMITTED, SATISFIED, FAILED;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
