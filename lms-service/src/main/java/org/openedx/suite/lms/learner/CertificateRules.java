package org.openedx.suite.lms.learner;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What a learner's certificate in a course becomes, and what is announced, when their passing or their mode changes
 * or the certificate is invalidated. A specified behaviour, kept free of persistence:
 * <ul>
 *   <li>A learner who passes in a certificate-eligible mode (anything but {@code audit}) has a {@code downloadable}
 *       certificate; reaching it is announced as {@code certificate.created}.</li>
 *   <li>A learner who stops passing has a downloadable certificate marked {@code notpassing}
 *       ({@code certificate.revoked}). Learners who never passed get no certificate at all.</li>
 *   <li>Audit learners never get a certificate. One who moves to audit while downloadable has it marked
 *       {@code audit_passing} ({@code certificate.revoked}, as an audit learner may not hold it).</li>
 *   <li>Invalidation sets {@code unavailable} ({@code certificate.revoked}); an unavailable certificate stays so:
 *       neither grades nor modes bring it back.</li>
 *   <li>Any other change of an existing certificate (its mode follows the enrollment) is {@code certificate.changed};
 *       a situation that changes nothing announces nothing.</li>
 * </ul>
 */
final class CertificateRules {

    private CertificateRules() {
    }

    /** The certificate a learner holds now. */
    record Certificate(CertificateStatus status, CourseMode mode) {
    }

    enum Announcement { NONE, CREATED, CHANGED, REVOKED }

    /**
     * @param certificate  what the learner should hold; null for no certificate
     * @param announcement how the change is announced; {@code NONE} when nothing changes
     */
    record Outcome(@Nullable Certificate certificate, Announcement announcement) {

        static Outcome unchanged(@Nullable Certificate current) {
            return new Outcome(current, Announcement.NONE);
        }
    }

    /**
     * @param current the learner's certificate, null when they have none
     * @param mode    the learner's enrollment mode, null when they are not enrolled (no certificate then)
     * @param passing whether the learner passes the course
     */
    static Outcome evaluate(@Nullable Certificate current, @Nullable CourseMode mode, boolean passing) {
        if ((current != null && current.status() == CertificateStatus.UNAVAILABLE) || mode == null) {
            return Outcome.unchanged(current);
        }
        CertificateStatus target = target(current, mode, passing);
        if (target == null) {
            return Outcome.unchanged(current);
        }
        Certificate next = new Certificate(target, mode);
        if (next.equals(current)) {
            return Outcome.unchanged(current);
        }
        return new Outcome(next, announcement(current, target));
    }

    /** Invalidates the certificate; one already unavailable stays as it is. */
    static Outcome invalidate(Certificate current) {
        if (current.status() == CertificateStatus.UNAVAILABLE) {
            return Outcome.unchanged(current);
        }
        return new Outcome(new Certificate(CertificateStatus.UNAVAILABLE, current.mode()), Announcement.REVOKED);
    }

    /** The grade a certificate carries: the course percent as Python prints a float ({@code 0.85}, {@code 0.5}, {@code 1.0}). */
    static String gradeText(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return (stripped.scale() < 1 ? stripped.setScale(1) : stripped).toPlainString();
    }

    private static @Nullable CertificateStatus target(@Nullable Certificate current, CourseMode mode, boolean passing) {
        if (mode.earnsCertificate()) {
            if (passing) {
                return CertificateStatus.DOWNLOADABLE;
            }
            return current == null ? null : CertificateStatus.NOTPASSING;
        }
        if (current == null) {
            return null;
        }
        return passing ? CertificateStatus.AUDIT_PASSING : CertificateStatus.AUDIT_NOTPASSING;
    }

    private static Announcement announcement(@Nullable Certificate current, CertificateStatus target) {
        boolean wasDownloadable = current != null && current.status() == CertificateStatus.DOWNLOADABLE;
        boolean isDownloadable = target == CertificateStatus.DOWNLOADABLE;
        if (isDownloadable && !wasDownloadable) {
            return Announcement.CREATED;
        }
        if (wasDownloadable && !isDownloadable) {
            return Announcement.REVOKED;
        }
        return Announcement.CHANGED;
    }
}
