package org.openedx.suite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneBaselineTest {

    @Test
    void indexes_every_update_commits_as_asked_and_leaves_no_index_behind(@TempDir Path tmp) {
        Path dir = tmp.resolve("lucene-baseline");
        List<LuceneBaseline.Doc> initial = List.of(doc(0, "seed0"), doc(1, "seed1"));
        List<LuceneBaseline.Doc> updates = new ArrayList<>();
        for (int n = 0; n < 7; n++) {
            updates.add(doc(n % 2, "edit" + n / 2 + "b" + n % 2));
        }

        LuceneBaseline.Result each = LuceneBaseline.run(dir, initial, updates, 1);
        LuceneBaseline.Result batched = LuceneBaseline.run(dir, initial, updates, 3);

        assertThat(each.documents()).isEqualTo(7);
        assertThat(each.commits()).isEqualTo(7);
        assertThat(batched.commits()).isEqualTo(3);
        assertThat(each.docsPerSecond()).isPositive();
        assertThat(Files.exists(dir)).isFalse();
    }

    private static LuceneBaseline.Doc doc(int block, String token) {
        return new LuceneBaseline.Doc("block-v1:Bench+T+2026+type@html+block@b" + block, "course-v1:Bench+T+2026",
                "html", "Leçon " + block, "Texte " + token, List.of("Chapitre 1", "Séquence 1", "Unité 1"),
                List.of("Language:fr"));
    }
}
