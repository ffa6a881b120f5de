package org.openedx.suite.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.utils.Utils;

/**
 * Course keys for the benchmark's courses, spread evenly over the topics' partitions. Events are keyed by course, so
 * a few dozen courses picked at random could leave one partition (one consumer thread) with most of the work; the
 * keys here fall on the partitions as Kafka's default partitioner places them, the same number on each.
 */
final class Keys {

    /** Partitions of every topic the services create (event-bus.partitions). */
    static final int PARTITIONS = 3;

    private Keys() {
    }

    /** {@code count} course keys {@code course-v1:Bench+<PREFIX><n>+2026}, balanced over {@link #PARTITIONS}. */
    static List<String> balancedCourseKeys(String prefix, int count) {
        int[] quota = new int[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            quota[p] = count / PARTITIONS + (p < count % PARTITIONS ? 1 : 0);
        }
        List<String> keys = new ArrayList<>(count);
        for (int n = 0; keys.size() < count; n++) {
            String key = "course-v1:Bench+" + prefix + n + "+2026";
            int partition = partitionOf(key);
            if (quota[partition] > 0) {
                quota[partition]--;
                keys.add(key);
            }
        }
        return keys;
    }

    /** The partition Kafka's default partitioner gives a record with this key. */
    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    /** {@code block-v1:...+type@sequential+block@<block>} of a course. */
    static String usageKey(String courseKey, String block) {
        return courseKey.replace("course-v1:", "block-v1:") + "+type@sequential+block@" + block;
    }
}
