package org.openedx.suite.sandbox.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/** The faults in force, one per target; the most specific target wins ({@code webhook:<receiver>} over {@code webhook}). */
@Service
public class Faults {

    public static final String WEBHOOK = "webhook";
    public static final String CERTIFICATE_PROVIDER = "certificate-provider";
    public static final String PLAGIARISM = "plagiarism";
    public static final String CREDLY = "credly";
    public static final String ACCREDIBLE = "accredible";
    public static final String LRS = "lrs";

    private final Map<String, Fault> byTarget = new TreeMap<>();

    synchronized Fault put(Fault fault) {
        byTarget.put(fault.target(), fault);
        return fault;
    }

    public synchronized List<Fault> list() {
        return new ArrayList<>(byTarget.values());
    }

    public synchronized void clear() {
        byTarget.clear();
    }

    /**
     * The fault for a request to {@code target} (for a webhook: to {@code receiver}, else null), counting the use.
     */
    public synchronized Optional<Fault> take(String target, String receiver) {
        String specific = receiver == null ? null : target + ":" + receiver;
        String matched = specific != null && byTarget.containsKey(specific) ? specific : target;
        Fault fault = byTarget.get(matched);
        if (fault == null) {
            return Optional.empty();
        }
        Fault left = fault.used();
        if (left == null) {
            byTarget.remove(matched);
        } else {
            byTarget.put(matched, left);
        }
        return Optional.of(fault);
    }
}
