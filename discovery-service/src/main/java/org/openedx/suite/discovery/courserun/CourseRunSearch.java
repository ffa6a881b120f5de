package org.openedx.suite.discovery.courserun;

import static org.openedx.suite.discovery.courserun.CourseRunDocument.HIDDEN;
import static org.openedx.suite.discovery.courserun.CourseRunDocument.KEY;
import static org.openedx.suite.discovery.courserun.CourseRunDocument.KEY_BEGINNINGS;
import static org.openedx.suite.discovery.courserun.CourseRunDocument.KEY_IGNORING_CASE;
import static org.openedx.suite.discovery.courserun.CourseRunDocument.KEY_WORDS;
import static org.openedx.suite.discovery.courserun.CourseRunDocument.ORG;
import static org.openedx.suite.discovery.courserun.CourseRunDocument.PACING;
import static org.openedx.suite.discovery.courserun.CourseRunDocument.TITLE;
import static org.openedx.suite.discovery.courserun.CourseRunDocument.TITLE_BEGINNINGS;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Searches and lists the catalog in its search index ({@link CourseRunDocument}); the runs found are loaded from
 * their rows. Call in a transaction.
 * <p>
 * A search matches the runs that have every word of the text in their title or key: as a whole word, as the
 * beginning of a word ({@code quan} finds Quantum), or, in the title, with the typos {@link CourseRunQuery#typosAllowed}
 * allows ({@code organik} finds Organic). Best match first: whole words score above beginnings, which score above
 * typos; the title as a phrase scores higher; a run whose key is the text comes first. Ties, and a listing, go in key
 * order. Hidden runs are never found.
 */
@Component
class CourseRunSearch {

    /** Results past this many cannot be paged to: a deeper page costs the index as much as all the pages before it. */
    static final int DEEPEST = 10_000;
    /** The organizations' facet has the largest this many. */
    static final int ORGS_COUNTED = 100;

    private static final float WHOLE_WORD = 3;
    private static final float BEGINNING = 2;
    private static final float TYPO = 1;
    private static final float PHRASE = 2;
    private static final float KEY_AS_TYPED = 1000;

    private final EntityManager entityManager;

    CourseRunSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    CourseRunPage find(CourseRunQuery query, int page, int size) {
        long offset = (long) (page - 1) * size;
        if (offset + size > DEEPEST) {
            throw ApiException.badRequest("page", "only the first " + DEEPEST
                    + " runs found can be paged to; narrow the search with q or the filters");
        }
        List<String> words = query.words();
        if (query.searching() && words.isEmpty()) {
            // nothing to look for: punctuation alone matches no word
            return new CourseRunPage(List.of(), page, size, 0, facets(Map.of(), Map.of(), 0, 0, 0));
        }
        Instant now = Instant.now();
        Function<SearchPredicateFactory, PredicateFinalStep> found = f -> found(f, query, words, now);
        AggregationKey<Map<String, Long>> orgs = AggregationKey.of(ORG);
        AggregationKey<Map<String, Long>> pacings = AggregationKey.of(PACING);
        SearchSession session = Search.session(entityManager);
        SearchResult<CourseRun> result = session.search(CourseRun.class)
                .where(f -> found.apply(f))
                .sort(f -> query.searching() ? f.score().then().field(KEY) : f.field(KEY))
                .aggregation(orgs, f -> f.terms().field(ORG, String.class).maxTermCount(ORGS_COUNTED))
                .aggregation(pacings, f -> f.terms().field(PACING, String.class))
                .fetch((int) offset, size);
        long total = result.total().hitCount();
        long upcoming = total == 0 ? 0 : session.search(CourseRun.class)
                .where(f -> f.and(found.apply(f), Availability.UPCOMING.predicate(f, now))).fetchTotalHitCount();
        long archived = total == 0 ? 0 : session.search(CourseRun.class)
                .where(f -> f.and(found.apply(f), Availability.ARCHIVED.predicate(f, now))).fetchTotalHitCount();
        return new CourseRunPage(result.hits().stream().map(CourseRunResponse::of).toList(), page, size, total,
                facets(result.aggregation(orgs), result.aggregation(pacings), total - upcoming - archived, upcoming,
                        archived));
    }

    private static PredicateFinalStep found(SearchPredicateFactory f, CourseRunQuery query, List<String> words,
                                            Instant now) {
        BooleanPredicateClausesStep<?, ?> found = f.bool();
        if (words.isEmpty()) {
            found.must(f.matchAll());
        } else {
            words.forEach(word -> found.must(word(f, word)));
            found.should(f.match().field(KEY_IGNORING_CASE).matching(query.text()).constantScore()
                    .boost(KEY_AS_TYPED));
            found.should(f.phrase().field(TITLE).matching(query.text()).boost(PHRASE));
        }
        found.filter(f.match().field(HIDDEN).matching(false));
        if (!query.orgs().isEmpty()) {
            found.filter(f.terms().field(ORG).matchingAny(query.orgs()));
        }
        if (query.pacing() != null) {
            found.filter(f.match().field(PACING).matching(query.pacing().pacing()));
        }
        if (query.availability() != null) {
            found.filter(query.availability().predicate(f, now));
        }
        return found;
    }

    /** The runs with the word in their title or key: whole, as a beginning, or in the title with a typo or two. */
    private static PredicateFinalStep word(SearchPredicateFactory f, String word) {
        BooleanPredicateClausesStep<?, ?> matches = f.bool();
        matches.should(f.match().field(TITLE).field(KEY_WORDS).matching(word).boost(WHOLE_WORD));
        matches.should(f.match().field(TITLE_BEGINNINGS).field(KEY_BEGINNINGS).matching(word).boost(BEGINNING));
        int typos = CourseRunQuery.typosAllowed(word);
        if (typos > 0) {
            matches.should(f.match().field(TITLE).matching(word).fuzzy(typos, 0).boost(TYPO));
        }
        return matches;
    }

    private static CourseRunPage.Facets facets(Map<String, Long> orgs, Map<String, Long> pacings, long current,
                                               long upcoming, long archived) {
        Map<String, Long> pacing = new LinkedHashMap<>();
        for (PacingType type : PacingType.values()) {
            pacing.put(type.pacing(), pacings.getOrDefault(type.pacing(), 0L));
        }
        Map<String, Long> availability = new LinkedHashMap<>();
        availability.put(Availability.CURRENT.value(), current);
        availability.put(Availability.UPCOMING.value(), upcoming);
        availability.put(Availability.ARCHIVED.value(), archived);
        return new CourseRunPage.Facets(new LinkedHashMap<>(orgs), pacing, availability);
    }
}
