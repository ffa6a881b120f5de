package org.openedx.suite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void content_is_opt_in_and_keeps_the_reactions_publications() {
        Options defaults = Options.parse(new String[0]);
        assertThat(defaults.flows()).doesNotContain("content");
        assertThat(defaults.serviceProperties()).doesNotContainKey(Options.COMPLETION_MODE);

        Options content = Options.parse(new String[] {"--flows", "content,catalog"});
        assertThat(content.flows()).containsExactly("catalog", "content");
        assertThat(content.kafkaFlows()).containsExactly("catalog");
        assertThat(content.serviceProperties()).containsEntry(Options.COMPLETION_MODE, "update");
        assertThat(content.contentEdits()).isEqualTo(Options.DEFAULT_CONTENT_EDITS);
    }

    @Test
    void the_content_edits_follow_events_when_given_and_a_chosen_completion_mode_stays() {
        Options options = Options.parse(new String[] {"--flows", "content", "--events", "500", "--content-blocks",
                "50", "--service-property", Options.COMPLETION_MODE + "=delete"});
        assertThat(options.contentEdits()).isEqualTo(500);
        assertThat(options.contentBlocks()).isEqualTo(50);
        assertThat(options.serviceProperties()).containsEntry(Options.COMPLETION_MODE, "delete");
    }
}
