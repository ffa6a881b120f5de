package org.openedx.suite.sandbox.fault;

/**
 * A failure the sandbox plays for a target's next requests.
 *
 * @param target  {@code webhook} (every receiver), {@code webhook:<receiver>}, {@code certificate-provider},
 *                {@code plagiarism}, {@code credly}, {@code accredible} or {@code lrs}
 * @param mode    what the requests get
 * @param status  the status {@link Mode#STATUS} answers with; null for the other modes
 * @param delayMs how long {@link Mode#SLOW} waits before answering; null for the other modes
 * @param times   how many more requests get it; null: every request until the faults are cleared
 */
public record Fault(String target, Mode mode, Integer status, Integer delayMs, Integer times) {

    /** The same fault with one use fewer; null when that was the last. */
    Fault used() {
        if (times == null) {
            return this;
        }
        return times <= 1 ? null : new Fault(target, mode, status, delayMs, times - 1);
    }
}
