package org.openedx.suite.discovery.courserun;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * A course run as the search index holds it: one document per run, written from the run's row. The fields:
 * <ul>
 *   <li>{@link #KEY} the key as it is, to list runs in key order (byte order, as the database sorts them);
 *   {@link #KEY_IGNORING_CASE} the whole key, so that a search for a run's key finds it first;</li>
 *   <li>{@link #TITLE} and {@link #KEY_WORDS} the words of the title and of the key, {@link #TITLE_BEGINNINGS} and
 *   {@link #KEY_BEGINNINGS} every beginning of them ({@link CatalogAnalysis});</li>
 *   <li>{@link #ORG}, {@link #PACING} ({@code instructor} or {@code self}) and {@link #HIDDEN}, to filter and count;</li>
 *   <li>{@link #START} and {@link #END} (none when the run has no end): whether a run is current, upcoming or archived
 *   depends on when one asks, so it is decided at search time from these ({@link Availability}).</li>
 * </ul>
 * The index is written only through the indexing plan ({@link CourseRunIndexing}); the dependencies declared here
 * name what the document is made of. Public, with a public constructor, as Hibernate Search creates it by reflection.
 */
public class CourseRunDocument implements TypeBinder {

    static final String KEY = "key";
    static final String KEY_IGNORING_CASE = "key_ignoring_case";
    static final String KEY_WORDS = "key_words";
    static final String KEY_BEGINNINGS = "key_beginnings";
    static final String TITLE = "title";
    static final String TITLE_BEGINNINGS = "title_beginnings";
    static final String ORG = "org";
    static final String PACING = "pacing";
    static final String HIDDEN = "hidden";
    static final String START = "start";
    static final String END = "end";

    public CourseRunDocument() {
    }

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies().use("runKey").use("details.course").use("details.title").use("details.pacingType")
                .use("details.hidden").use("details.start").use("details.end");
        IndexSchemaElement document = context.indexSchemaElement();
        IndexFieldTypeFactory types = context.typeFactory();
        context.bridge(CourseRun.class, new Bridge(
                document.field(KEY, types.asString().sortable(Sortable.YES)).toReference(),
                document.field(KEY_IGNORING_CASE, types.asString()
                        .normalizer(CatalogAnalysis.WHOLE_IGNORING_CASE)).toReference(),
                document.field(KEY_WORDS, types.asString().analyzer(CatalogAnalysis.WORDS)).toReference(),
                document.field(KEY_BEGINNINGS, types.asString().analyzer(CatalogAnalysis.WORD_BEGINNINGS)
                        .searchAnalyzer(CatalogAnalysis.WORDS)).toReference(),
                document.field(TITLE, types.asString().analyzer(CatalogAnalysis.WORDS)).toReference(),
                document.field(TITLE_BEGINNINGS, types.asString().analyzer(CatalogAnalysis.WORD_BEGINNINGS)
                        .searchAnalyzer(CatalogAnalysis.WORDS)).toReference(),
                document.field(ORG, types.asString().aggregable(Aggregable.YES)).toReference(),
                document.field(PACING, types.asString().aggregable(Aggregable.YES)).toReference(),
                document.field(HIDDEN, types.asBoolean()).toReference(),
                document.field(START, types.asInstant()).toReference(),
                document.field(END, types.asInstant()).toReference()));
    }

    private record Bridge(IndexFieldReference<String> key, IndexFieldReference<String> keyIgnoringCase,
                          IndexFieldReference<String> keyWords, IndexFieldReference<String> keyBeginnings,
                          IndexFieldReference<String> title, IndexFieldReference<String> titleBeginnings,
                          IndexFieldReference<String> org, IndexFieldReference<String> pacing,
                          IndexFieldReference<Boolean> hidden, IndexFieldReference<java.time.Instant> start,
                          IndexFieldReference<java.time.Instant> end) implements TypeBridge<CourseRun> {

        @Override
        public void write(DocumentElement target, CourseRun run, TypeBridgeWriteContext context) {
            CourseRunDetails details = run.details();
            target.addValue(key, run.runKey());
            target.addValue(keyIgnoringCase, run.runKey());
            target.addValue(keyWords, run.runKey());
            target.addValue(keyBeginnings, run.runKey());
            target.addValue(title, details.title());
            target.addValue(titleBeginnings, details.title());
            target.addValue(org, details.org());
            target.addValue(pacing, details.pacingType().pacing());
            target.addValue(hidden, details.hidden());
            target.addValue(start, details.start());
            if (details.end() != null) {
                target.addValue(end, details.end());
            }
        }
    }
}
