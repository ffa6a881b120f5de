package org.openedx.suite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void course_keys_fall_evenly_on_the_partitions() {
        List<String> keys = Keys.balancedCourseKeys("CERT", 31);

        Map<Integer, Long> perPartition = keys.stream()
                .collect(Collectors.groupingBy(Keys::partitionOf, Collectors.counting()));

        assertThat(keys).hasSize(31).doesNotHaveDuplicates();
        assertThat(perPartition).containsOnlyKeys(0, 1, 2);
        assertThat(perPartition.values()).allSatisfy(n -> assertThat(n).isBetween(10L, 11L));
    }

    @Test
    void keys_are_valid_open_edx_course_and_usage_keys() {
        String key = Keys.balancedCourseKeys("CAT", 1).get(0);

        assertThat(key).matches("course-v1:[A-Za-z0-9_.-]+\\+[A-Za-z0-9_.-]+\\+[A-Za-z0-9_.-]+");
        assertThat(Keys.usageKey(key, "exam1")).isEqualTo(
                key.replace("course-v1:", "block-v1:") + "+type@sequential+block@exam1");
    }

    @Test
    void the_partition_is_the_one_kafkas_default_partitioner_picks() {
        // murmur2 of the key bytes, made positive, modulo the partition count; stable across runs
        Map<String, Integer> partitions = Keys.balancedCourseKeys("CAT", 6).stream()
                .collect(Collectors.toMap(Function.identity(), Keys::partitionOf));

        assertThat(partitions.values()).containsOnly(0, 1, 2);
        assertThat(Keys.balancedCourseKeys("CAT", 6)).isEqualTo(Keys.balancedCourseKeys("CAT", 6));
    }
}
