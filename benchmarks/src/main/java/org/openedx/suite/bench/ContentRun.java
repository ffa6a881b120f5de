package org.openedx.suite.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * The content flow (issue 16): block edits in the CMS and its in-process reactions to them, which Spring Modulith
 * records in {@code event_publication} with the edit and runs after its commit ({@code LanguageTagging},
 * {@code ContentIndexing}, which writes the block's search document into the embedded Lucene index). No Kafka on this
 * path, so not a {@link Flow}.
 * <p>
 * Set-up (not measured): a course in French, a chapter, a sequential, a vertical and B html blocks, every reaction
 * done. Then the writer threads make E edits round-robin over the blocks (a block's edits all from one thread, in
 * order), each giving the block's text a token of its own ({@code edit<k>b<block>}, its k-th edit): the REST rate,
 * and the end-to-end rate from the first edit to the last reaction's completion. The reactions' latency, publication
 * to completion, per listener, is read from {@code event_publication}, which keeps finished publications when the CMS
 * runs with {@code spring.modulith.events.completion-mode=update}. Then what the index and the tags hold is checked
 * through the search API and the CMS's tables, and the same documents are written straight into Lucene in this JVM
 * for a baseline.
 */
final class ContentRun {

    static final String COURSE = "course-v1:Bench+CONTENT+2026";
    static final String LANGUAGE = "fr";
    static final int BATCH = 500;
    /** Gives up when no reaction finished for this long. */
    private static final Duration STALL = Duration.ofSeconds(120);
    private static final String UPDATED = "%XBlockUpdated";
    private static final List<String> BREADCRUMBS = List.of("Chapitre 1", "Séquence 1", "Unité 1");

    private final Bench bench;
    private final PrintStream out;
    private final ServiceDb cms;
    private final List<String> outline = new ArrayList<>();
    private final List<String> blocks = new ArrayList<>();
    /** Edits made per block so far (warm-up included); each block is edited by one writer thread only. */
    private int[] edits = new int[0];

    ContentRun(Bench bench, PrintStream out) {
        this.bench = bench;
        this.out = out;
        this.cms = bench.db(SuiteService.CMS);
    }

    Map<String, Object> run(int editCount, int blockCount, int warmup) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("path", "cms REST -> event_publication -> LanguageTagging, ContentIndexing (Lucene)");
        result.put("course", COURSE);
        result.put("blocks", blockCount);
        result.put("edits", editCount);
        result.put("writers", bench.options.clients());
        String completionMode = bench.options.serviceProperties().getOrDefault(Options.COMPLETION_MODE, "delete");
        result.put("completionMode", completionMode);

        long setupStarted = System.nanoTime();
        setUp(blockCount);
        drain("the set-up's reactions");
        result.put("setupSeconds", PipelineRun.round((System.nanoTime() - setupStarted) / 1e9));
        out.printf("  [content] set up a course in %s with %d blocks (%d html) in %.1f s, every reaction done%n",
                LANGUAGE, blocks.size() + 3, blocks.size(), (System.nanoTime() - setupStarted) / 1e9);

        int warmupEdits = Math.min(warmup, editCount);
        result.put("warmupEdits", warmupEdits);
        if (warmupEdits > 0) {
            out.printf("  [content] warming up: %,d edits, not measured ...%n", warmupEdits);
            edit(warmupEdits, new double[warmupEdits]);
            drain("the warm-up's reactions");
        }

        out.printf("  [content] %,d edits over %d blocks with %d writers ...%n", editCount, blockCount,
                bench.options.clients());
        double[] restMs = new double[editCount];
        CpuMeter.Snapshot before = bench.cpu.snapshot();
        Instant start = Instant.now();
        long started = System.nanoTime();
        edit(editCount, restMs);
        long restNanos = System.nanoTime() - started;
        CpuMeter.Snapshot restDone = bench.cpu.snapshot();
        Instant lastAnswer = start.plusNanos(restNanos);
        drain("the edits' reactions");
        long drainedNanos = System.nanoTime() - started;
        CpuMeter.Snapshot drained = bench.cpu.snapshot();
        Map<String, Double> cores = CpuMeter.between(before, restDone);
        Map<String, Double> drainCores = CpuMeter.between(restDone, drained);
        // the moment nothing was pending any more: the last completion of a publication of the run
        Instant lastCompletion = lastCompletion(start);
        double endToEndSeconds = lastCompletion == null ? drainedNanos / 1e9
                : Duration.between(start, lastCompletion).toNanos() / 1e9;
        double restRate = Stats.rate(editCount, restNanos);
        double endToEndRate = editCount / endToEndSeconds;
        Stats rest = Stats.of(restMs);
        result.put("restSeconds", PipelineRun.round(restNanos / 1e9));
        result.put("restEditsPerSecond", PipelineRun.round(restRate));
        result.put("restP50Ms", PipelineRun.round(rest.p50()));
        result.put("restP99Ms", PipelineRun.round(rest.p99()));
        result.put("endToEndSeconds", PipelineRun.round(endToEndSeconds));
        result.put("endToEndFrom", lastCompletion == null ? "poll (no completion dates)"
                : "first edit sent to the last completion_date");
        result.put("endToEndEditsPerSecond", PipelineRun.round(endToEndRate));
        double drainSeconds = endToEndSeconds - restNanos / 1e9;
        result.put("drainAfterRestSeconds", PipelineRun.round(drainSeconds));
        // how fast the reactions alone go, once no edit competes with them: indexing reactions finished after the
        // last answer, per second until the last completion
        long indexedAfter = cms.queryLong("""
                SELECT count(*) FROM event_publication
                 WHERE event_type LIKE ? AND listener_id LIKE '%.ContentIndexing.%' AND publication_date >= ?
                   AND completion_date > ?
                """, UPDATED, start, lastAnswer);
        double drainRate = drainSeconds > 0 ? indexedAfter / drainSeconds : Double.NaN;
        result.put("indexedAfterLastAnswer", indexedAfter);
        result.put("drainEditsPerSecond", PipelineRun.round(drainRate));
        result.put("cores", cores);
        result.put("coresWhileDraining", drainCores);
        out.printf("  [content] REST %,.0f edits/s (%.1f s; answer p50 %.1f ms, p99 %.1f ms); end to end %,.0f "
                        + "edits/s (%.1f s, the last reaction %.1f s after the last answer)%n", restRate,
                restNanos / 1e9, rest.p50(), rest.p99(), endToEndRate, endToEndSeconds,
                endToEndSeconds - restNanos / 1e9);
        out.printf("  [content] after the last answer, %,d edits indexed in %.1f s (%,.0f/s, the reactions alone)%n",
                indexedAfter, drainSeconds, drainRate);
        out.printf("  [content] cores used while editing (and reacting): %s%n", CpuMeter.describe(cores));
        out.printf("  [content] cores used after the last answer (reacting only): %s%n",
                CpuMeter.describe(drainCores));

        List<Flow.Check> checks = new ArrayList<>();
        List<Map<String, Object>> reactions = reactions(start, editCount, completionMode, checks);
        result.put("reactions", reactions);
        for (Map<String, Object> reaction : reactions) {
            out.printf("  [content] %s: %,d reactions, publication to completion p50 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms%n", reaction.get("listener"), reaction.get("completed"),
                    reaction.get("p50Ms"), reaction.get("p99Ms"), reaction.get("maxMs"));
        }
        checks.addAll(verify());

        out.printf("  [content] direct Lucene baseline: the same %,d documents into an index in this JVM ...%n",
                editCount);
        List<LuceneBaseline.Doc> initial = initialDocs();
        List<LuceneBaseline.Doc> updates = editDocs(editCount);
        java.nio.file.Path parent = bench.suite.dataDir().resolve("lucene-baseline");
        LuceneBaseline.Result perDocument = LuceneBaseline.run(parent, initial, updates, 1);
        LuceneBaseline.Result batched = LuceneBaseline.run(parent, initial, updates, BATCH);
        Map<String, Object> direct = new LinkedHashMap<>();
        direct.put("perDocumentCommit", baseline(perDocument));
        direct.put("batchedCommit", baseline(batched));
        result.put("direct", direct);
        result.put("ratioToPerDocumentCommit", ratio(endToEndRate / perDocument.docsPerSecond()));
        result.put("ratioToBatchedCommit", ratio(endToEndRate / batched.docsPerSecond()));
        out.printf("  [content] direct Lucene: %,.0f docs/s committing each, %,.0f docs/s committing per %d; the "
                        + "suite's end-to-end rate is %.3f and %.4f of them%n", perDocument.docsPerSecond(),
                batched.docsPerSecond(), BATCH, endToEndRate / perDocument.docsPerSecond(),
                endToEndRate / batched.docsPerSecond());

        result.put("checks", checks.stream().map(check -> Map.of("check", check.name(), "ok", check.ok(),
                "detail", check.detail())).toList());
        for (Flow.Check check : checks) {
            out.printf("  [content] %s %s: %s%n", check.ok() ? "OK  " : "FAIL", check.name(), check.detail());
        }
        return result;
    }

    private void setUp(int blockCount) {
        bench.rest.post(bench.url(SuiteService.CMS, "/api/courses"), Rest.json(Map.of("course_key", COURSE,
                        "name", "Benchmark content course", "start", "2026-09-01T00:00:00Z",
                        "end", "2027-06-30T00:00:00Z", "pacing", "instructor", "language", LANGUAGE)))
                .expectOk("creating course " + COURSE);
        String chapter = create(null, "chapter", BREADCRUMBS.get(0), null);
        String sequential = create(chapter, "sequential", BREADCRUMBS.get(1), null);
        String vertical = create(sequential, "vertical", BREADCRUMBS.get(2), null);
        outline.addAll(List.of(chapter, sequential, vertical));
        String[] created = new String[blockCount];
        bench.parallel(blockCount, b -> created[b] = create(vertical, "html", displayName(b), text(b, seed(b))));
        blocks.addAll(List.of(created));
        edits = new int[blockCount];
    }

    private String create(String parent, String type, String displayName, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (parent != null) {
            body.put("parent_usage_key", parent);
        }
        body.put("block_type", type);
        body.put("display_name", displayName);
        if (text != null) {
            body.put("text", text);
        }
        return bench.rest.post(bench.url(SuiteService.CMS, "/api/courses/" + COURSE + "/blocks"), Rest.json(body))
                .expectOk("creating a " + type + " in " + COURSE).json().path("usage_key").asText();
    }

    private static String displayName(int block) {
        return "Leçon " + block;
    }

    /** A few sentences, and the token that only this version of this block's text holds. */
    private static String text(int block, String token) {
        return "Cette leçon présente les notions de l'unité " + block + " avec des exemples et des exercices "
                + "corrigés. Marqueur " + token + ".";
    }

    private static String seed(int block) {
        return "seed" + block;
    }

    private static String token(int block, int edit) {
        return "edit" + edit + "b" + block;
    }

    /** The token of a block's latest text, and of the text before it (null if it had none). */
    private String[] lastTokens(int block) {
        int made = edits[block];
        String last = made == 0 ? seed(block) : token(block, made - 1);
        String previous = made == 0 ? null : made == 1 ? seed(block) : token(block, made - 2);
        return new String[] {last, previous};
    }

    /**
     * {@code count} edits round-robin over the blocks: edit n goes to block {@code n % B}, sent by writer
     * {@code block % W}, so a block's edits leave one after the other, in order.
     */
    private void edit(int count, double[] restMs) {
        int threads = bench.options.clients();
        int blockCount = blocks.size();
        bench.onEveryWriter(thread -> {
            for (int n = 0; n < count; n++) {
                int block = n % blockCount;
                if (block % threads == thread) {
                    String token = token(block, edits[block]++);
                    Rest.Answer answer = bench.rest.put(bench.url(SuiteService.CMS, "/api/blocks/" + blocks.get(block)),
                                    Rest.json(Map.of("display_name", displayName(block), "text", text(block, token))))
                            .expectOk("editing block " + block);
                    restMs[n] = Duration.between(answer.sentAt(), answer.receivedAt()).toNanos() / 1e6;
                }
            }
        });
    }

    /** Publications not finished and not failed (a failed one waits for a resubmission that nobody asks for). */
    private long pending() {
        return cms.queryLong("""
                SELECT count(*) FROM event_publication
                 WHERE completion_date IS NULL AND (status IS NULL OR status <> 'FAILED')
                """);
    }

    /** Waits until no publication is pending, polling every 20 ms; fails when none finished for {@link #STALL}. */
    private void drain(String what) {
        long last = pending();
        long lastProgress = System.nanoTime();
        while (last > 0) {
            Bench.sleep(20);
            long now = pending();
            if (now < last) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("waiting for " + what + ": " + now + " publications still pending, "
                        + "none finished for " + STALL);
            }
            last = now;
        }
    }

    private Instant lastCompletion(Instant since) {
        List<String[]> rows = cms.rows("""
                SELECT to_char(max(completion_date) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                  FROM event_publication WHERE publication_date >= ?
                """, since);
        return rows.isEmpty() || rows.get(0)[0] == null ? null : Instant.parse(rows.get(0)[0]);
    }

    /** Per listener of the edits' events: the reactions finished and their latency, publication to completion. */
    private List<Map<String, Object>> reactions(Instant since, int editCount, String completionMode,
                                                List<Flow.Check> checks) {
        List<Map<String, Object>> reactions = new ArrayList<>();
        if (!"update".equals(completionMode)) {
            out.printf("  [content] completion mode %s: finished reactions leave no row, so no latency%n",
                    completionMode);
            return reactions;
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String[] row : cms.rows("""
                SELECT listener_id, count(*), count(completion_date) FROM event_publication
                 WHERE event_type LIKE ? AND publication_date >= ? GROUP BY listener_id ORDER BY listener_id
                """, UPDATED, since)) {
            counts.put(row[0], new long[] {Long.parseLong(row[1]), Long.parseLong(row[2])});
        }
        List<String> mismatched = new ArrayList<>();
        for (String listener : List.of("ContentIndexing", "LanguageTagging")) {
            String id = counts.keySet().stream().filter(key -> key.contains("." + listener + ".")).findFirst()
                    .orElse(null);
            long[] count = id == null ? new long[2] : counts.get(id);
            if (count[0] != editCount || count[1] != editCount) {
                mismatched.add(listener + " " + count[1] + " of " + count[0]);
            }
            Stats stats = id == null ? Stats.EMPTY : Stats.of(cms.doubles("""
                    SELECT extract(epoch FROM completion_date - publication_date) * 1000 FROM event_publication
                     WHERE listener_id = ? AND event_type LIKE ? AND publication_date >= ?
                       AND completion_date IS NOT NULL
                    """, id, UPDATED, since));
            Map<String, Object> reaction = new LinkedHashMap<>();
            reaction.put("listener", listener);
            reaction.put("listenerId", id);
            reaction.put("publications", count[0]);
            reaction.put("completed", count[1]);
            reaction.put("p50Ms", PipelineRun.round(stats.p50()));
            reaction.put("p95Ms", PipelineRun.round(stats.p95()));
            reaction.put("p99Ms", PipelineRun.round(stats.p99()));
            reaction.put("maxMs", PipelineRun.round(stats.max()));
            reaction.put("meanMs", PipelineRun.round(stats.mean()));
            reactions.add(reaction);
        }
        long others = counts.size() - reactions.stream().filter(r -> r.get("listenerId") != null).count();
        checks.add(new Flow.Check("every edit reacted to once by indexing and once by tagging",
                mismatched.isEmpty() && others == 0, mismatched.isEmpty()
                ? editCount + " xblock.updated publications finished per listener, " + others + " other listeners"
                : "finished of published: " + String.join(", ", mismatched) + " (edits: " + editCount + "); "
                        + others + " other listeners"));
        return reactions;
    }

    /** What the registry, the index and the tags hold once every reaction finished. */
    private List<Flow.Check> verify() {
        List<Flow.Check> checks = new ArrayList<>();
        long incomplete = cms.queryLong("SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
        long failed = cms.queryLong("SELECT count(*) FROM event_publication WHERE status = 'FAILED'");
        long completed = cms.queryLong("SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL");
        // a reaction that failed and then succeeded when the CMS tried it again (event-bus.reactions) failed too; the
        // registry counts the attempts from 1
        long retried = cms.queryLong("SELECT count(*) FROM event_publication WHERE completion_attempts > 1");
        checks.add(new Flow.Check("no reaction failed or pending", incomplete == 0 && failed == 0 && retried == 0,
                incomplete + " publications without completion, " + failed + " failed, " + retried
                        + " tried again after a failure; " + completed + " finished kept since the suite started"));

        // each block's latest token finds that block alone; the token before it finds nothing
        AtomicInteger latest = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        Queue<String> examples = new ConcurrentLinkedQueue<>();
        bench.parallel(blocks.size(), b -> {
            String[] tokens = lastTokens(b);
            JsonNode found = search(tokens[0], 5);
            JsonNode hits = found.path("results");
            if (found.path("total").asLong() == 1 && hits.size() == 1
                    && blocks.get(b).equals(hits.path(0).path("usage_key").asText())) {
                latest.incrementAndGet();
            } else if (examples.size() < 3) {
                examples.add(tokens[0] + " -> total " + found.path("total").asLong() + " " + usageKeys(hits));
            }
            if (tokens[1] != null) {
                JsonNode old = search(tokens[1], 5);
                if (old.path("total").asLong() != 0) {
                    stale.incrementAndGet();
                    if (examples.size() < 3) {
                        examples.add(tokens[1] + " (replaced) -> total " + old.path("total").asLong() + " "
                                + usageKeys(old.path("results")));
                    }
                }
            }
        });
        checks.add(new Flow.Check("each block's latest text is what the index finds", latest.get() == blocks.size()
                && stale.get() == 0, latest.get() + " of " + blocks.size() + " blocks found alone by their latest "
                + "token; " + stale.get() + " still found by the token their last edit replaced"
                + (examples.isEmpty() ? "" : "; e.g. " + String.join("; ", examples))));

        int all = blocks.size() + outline.size();
        int right = 0;
        List<String> wrong = new ArrayList<>();
        List<String[]> rows = cms.rows("""
                SELECT b.usage_key, count(t.value), coalesce(string_agg(t.value, ','), '') FROM block b
                  LEFT JOIN object_tag t ON t.object_id = b.usage_key AND t.taxonomy = 'Language'
                 WHERE b.course_key = ? GROUP BY b.usage_key
                """, COURSE);
        for (String[] row : rows) {
            if (row[1].equals("1") && row[2].equals(LANGUAGE)) {
                right++;
            } else if (wrong.size() < 3) {
                wrong.add(row[0] + ": [" + row[2] + "]");
            }
        }
        checks.add(new Flow.Check("every block has one Language tag, " + LANGUAGE,
                right == all && rows.size() == all, rows.size() + " blocks in the course (" + all + " created), "
                + right + " tagged Language " + LANGUAGE + " alone" + (wrong.isEmpty() ? "" : "; e.g. " + wrong)));

        JsonNode everything = search(null, 1);
        long facet = everything.path("facets").path("tags").path("Language").path(LANGUAGE).asLong(-1);
        long total = everything.path("total").asLong(-1);
        checks.add(new Flow.Check("the Language facet counts every block", facet == all && total == all,
                "Language." + LANGUAGE + " = " + facet + ", documents of the course = " + total + ", blocks = " + all
                        + "; facets " + everything.path("facets")));
        return checks;
    }

    private JsonNode search(String q, int size) {
        String query = q == null ? "" : "q=" + q + "&";
        return bench.rest.get(bench.url(SuiteService.CMS, "/api/courses/" + COURSE + "/search?" + query + "size="
                + size)).expectOk("searching " + COURSE + " for " + q).json();
    }

    private static List<String> usageKeys(JsonNode hits) {
        List<String> keys = new ArrayList<>();
        hits.forEach(hit -> keys.add(hit.path("usage_key").asText()));
        return keys;
    }

    private List<LuceneBaseline.Doc> initialDocs() {
        List<LuceneBaseline.Doc> docs = new ArrayList<>();
        List<String> types = List.of("chapter", "sequential", "vertical");
        for (int i = 0; i < outline.size(); i++) {
            docs.add(new LuceneBaseline.Doc(outline.get(i), COURSE, types.get(i), BREADCRUMBS.get(i), null,
                    BREADCRUMBS.subList(0, i), List.of("Language:" + LANGUAGE)));
        }
        for (int b = 0; b < blocks.size(); b++) {
            docs.add(doc(b, seed(b)));
        }
        return docs;
    }

    /** The documents of the measured edits, in the order they were planned (the tokens they set). */
    private List<LuceneBaseline.Doc> editDocs(int count) {
        int blockCount = blocks.size();
        int[] before = new int[blockCount];
        for (int b = 0; b < blockCount; b++) {
            before[b] = edits[b] - (count / blockCount + (b < count % blockCount ? 1 : 0));
        }
        List<LuceneBaseline.Doc> docs = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int block = n % blockCount;
            docs.add(doc(block, token(block, before[block]++)));
        }
        return docs;
    }

    private LuceneBaseline.Doc doc(int block, String token) {
        return new LuceneBaseline.Doc(blocks.get(block), COURSE, "html", displayName(block), text(block, token),
                BREADCRUMBS, List.of("Language:" + LANGUAGE));
    }

    private static Map<String, Object> baseline(LuceneBaseline.Result result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("documents", result.documents());
        map.put("commitEvery", result.commitEvery());
        map.put("commits", result.commits());
        map.put("seconds", PipelineRun.round(result.seconds()));
        map.put("docsPerSecond", PipelineRun.round(result.docsPerSecond()));
        return map;
    }

    private static double ratio(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", value));
    }
}
