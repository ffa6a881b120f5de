package org.openedx.suite.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The content flow's baseline: the same block documents written straight into a Lucene index in this JVM, with no
 * REST, no transaction, no event registry and no reaction in between. The fields are those of the CMS's block
 * document (Hibernate Search's mapping of {@code Block}): usage key as the id, course key and block type as keywords,
 * display name and text as text with term vectors for highlighting, breadcrumbs as text, tags as keywords with doc
 * values for the facet; the analyzer is Hibernate Search's default, Lucene's {@link StandardAnalyzer}.
 */
final class LuceneBaseline {

    /** One block's document: what the CMS indexes for it. */
    record Doc(String usageKey, String courseKey, String blockType, String displayName, String text,
               List<String> breadcrumbs, List<String> tags) {
    }

    record Result(int documents, int commitEvery, int commits, double seconds) {

        double docsPerSecond() {
            return documents / seconds;
        }
    }

    private static final FieldType HIGHLIGHTABLE_TEXT = new FieldType();
    private static final FieldType STORED_TEXT = new FieldType();

    static {
        HIGHLIGHTABLE_TEXT.setTokenized(true);
        HIGHLIGHTABLE_TEXT.setStored(true);
        HIGHLIGHTABLE_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        HIGHLIGHTABLE_TEXT.setStoreTermVectors(true);
        HIGHLIGHTABLE_TEXT.setStoreTermVectorPositions(true);
        HIGHLIGHTABLE_TEXT.setStoreTermVectorOffsets(true);
        HIGHLIGHTABLE_TEXT.freeze();
        STORED_TEXT.setTokenized(true);
        STORED_TEXT.setStored(true);
        STORED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        STORED_TEXT.freeze();
    }

    private LuceneBaseline() {
    }

    /**
     * In a new index under {@code parent}: the {@code initial} documents (not timed, committed once), then each of
     * {@code updates} by {@code IndexWriter.updateDocument} on its id, committing after every {@code commitEvery}
     * documents and after the last (timed). The index is deleted afterwards; before that, a search for the last
     * update's id must find exactly one document, or the run is refused.
     */
    static Result run(Path parent, List<Doc> initial, List<Doc> updates, int commitEvery) {
        Path dir = null;
        try {
            Files.createDirectories(parent);
            dir = Files.createTempDirectory(parent, "lucene-baseline-");
            try (FSDirectory directory = FSDirectory.open(dir);
                 IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (Doc doc : initial) {
                    writer.updateDocument(new Term("id", doc.usageKey()), document(doc));
                }
                writer.commit();
                int commits = 0;
                long started = System.nanoTime();
                for (int i = 0; i < updates.size(); i++) {
                    Doc doc = updates.get(i);
                    writer.updateDocument(new Term("id", doc.usageKey()), document(doc));
                    if ((i + 1) % commitEvery == 0 || i == updates.size() - 1) {
                        writer.commit();
                        commits++;
                    }
                }
                long nanos = System.nanoTime() - started;
                if (!updates.isEmpty()) {
                    String last = updates.get(updates.size() - 1).usageKey();
                    try (DirectoryReader reader = DirectoryReader.open(directory)) {
                        int found = new IndexSearcher(reader).count(new TermQuery(new Term("id", last)));
                        if (found != 1) {
                            throw new IllegalStateException("the direct index holds " + found
                                    + " documents of " + last + ", not 1");
                        }
                    }
                }
                return new Result(updates.size(), commitEvery, commits, nanos / 1e9);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("direct Lucene indexing failed", e);
        } finally {
            delete(dir);
            try {
                Files.deleteIfExists(parent);
            } catch (IOException e) {
                // not empty: another run's index, or something else's
            }
        }
    }

    static Document document(Doc doc) {
        Document document = new Document();
        document.add(new StringField("id", doc.usageKey(), Field.Store.YES));
        document.add(new StringField("courseKey", doc.courseKey(), Field.Store.NO));
        document.add(new StringField("blockType", doc.blockType(), Field.Store.YES));
        document.add(new Field("displayName", doc.displayName(), HIGHLIGHTABLE_TEXT));
        if (doc.text() != null) {
            document.add(new Field("text", doc.text(), HIGHLIGHTABLE_TEXT));
        }
        for (String breadcrumb : doc.breadcrumbs()) {
            document.add(new Field("breadcrumbs", breadcrumb, STORED_TEXT));
        }
        for (String tag : doc.tags()) {
            document.add(new StringField("tags", tag, Field.Store.NO));
            document.add(new SortedSetDocValuesField("tags", new BytesRef(tag)));
        }
        return document;
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a few MB left in the run's data directory
        }
    }
}
