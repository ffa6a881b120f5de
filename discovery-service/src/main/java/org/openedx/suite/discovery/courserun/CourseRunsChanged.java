package org.openedx.suite.discovery.courserun;

import java.util.List;
import java.util.UUID;

/**
 * The runs a poll of catalog events changed, published in the poll's transaction, so that Spring Modulith's event
 * publication registry records it with the change, and {@link CourseRunIndexing} brings their search documents up to
 * date once it has committed.
 *
 * @param id      one per publication: the registry tells publications apart by their serialized form, and two polls
 *                that change the same runs are two publications
 * @param runKeys the keys of the runs changed, each once
 */
record CourseRunsChanged(UUID id, List<String> runKeys) {

    static CourseRunsChanged of(List<String> runKeys) {
        return new CourseRunsChanged(UUID.randomUUID(), List.copyOf(runKeys));
    }
}
