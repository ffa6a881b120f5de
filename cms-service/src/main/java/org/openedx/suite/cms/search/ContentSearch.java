package org.openedx.suite.cms.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.jspecify.annotations.Nullable;
import org.openedx.suite.cms.content.Block;
import org.openedx.suite.cms.content.BlockType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches a course's blocks: the words of {@code q} in the display name (counting most), the text and the
 * breadcrumbs, best match first; {@code tags} narrow the matches to blocks with every one of them.
 */
@Service
class ContentSearch {

    private static final AggregationKey<Map<String, Long>> TAGS = AggregationKey.of("tags");
    private static final String DISPLAY_NAME = "displayName";
    private static final String TEXT = "text";

    private final EntityManager entityManager;

    ContentSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    ContentSearchResponse search(String courseKey, @Nullable String q, List<String> tags, int page, int size) {
        SearchResult<List<?>> result = Search.session(entityManager).search(Block.class)
                .select(f -> f.composite().from(f.id(String.class), f.field("blockType", BlockType.class),
                        f.field(DISPLAY_NAME, String.class), f.field("breadcrumbs", String.class).list(),
                        f.highlight(DISPLAY_NAME), f.highlight(TEXT)).asList())
                .where((f, root) -> {
                    root.add(f.match().field("courseKey").matching(courseKey));
                    if (q != null && !q.isBlank()) {
                        root.add(f.simpleQueryString().field(DISPLAY_NAME).boost(3f).field(TEXT)
                                .field("breadcrumbs").boost(0.5f).matching(q)
                                .defaultOperator(BooleanOperator.AND));
                    }
                    tags.forEach(tag -> root.add(f.match().field("tags").matching(tag)));
                })
                .highlighter(f -> f.unified().tag("<mark>", "</mark>").numberOfFragments(3))
                .aggregation(TAGS, f -> f.terms().field("tags", String.class).maxTermCount(200))
                .fetch((page - 1) * size, size);
        List<ContentSearchResponse.Hit> hits = result.hits().stream().map(ContentSearch::hit).toList();
        return new ContentSearchResponse(result.total().hitCount(), page, size, hits,
                Map.of("tags", byTaxonomy(result.aggregation(TAGS))));
    }

    @SuppressWarnings("unchecked")
    private static ContentSearchResponse.Hit hit(List<?> fields) {
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        if (!((List<String>) fields.get(4)).isEmpty()) {
            highlights.put("display_name", (List<String>) fields.get(4));
        }
        if (!((List<String>) fields.get(5)).isEmpty()) {
            highlights.put("text", (List<String>) fields.get(5));
        }
        return new ContentSearchResponse.Hit((String) fields.get(0), (BlockType) fields.get(1),
                (String) fields.get(2), (List<String>) fields.get(3), highlights);
    }

    /** {@code Language:fr -> 3} becomes {@code Language -> {fr -> 3}}, taxonomies and values in order. */
    private static Map<String, Map<String, Long>> byTaxonomy(Map<String, Long> counts) {
        Map<String, Map<String, Long>> facets = new TreeMap<>();
        counts.forEach((tag, count) -> {
            int colon = tag.indexOf(':');
            facets.computeIfAbsent(tag.substring(0, colon), taxonomy -> new TreeMap<>())
                    .put(tag.substring(colon + 1), count);
        });
        return facets;
    }
}
