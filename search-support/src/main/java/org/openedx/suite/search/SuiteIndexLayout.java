package org.openedx.suite.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * How a service's indexes are named in an Elasticsearch/OpenSearch cluster: Hibernate Search's default layout (an
 * index {@code <name>-000001} behind a write alias {@code <name>-write} and a read alias {@code <name>-read}) with the
 * names prefixed by {@code suite.search.index-prefix}, so several deployments (or test contexts) can share a cluster.
 * A full reindex builds {@code <name>-000002} beside the first and moves the aliases ({@link IndexSwitch}).
 */
final class SuiteIndexLayout implements IndexLayoutStrategy {

    private static final Pattern PRIMARY = Pattern.compile("(.*)-\\d{6}");

    private final String prefix;

    SuiteIndexLayout(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String createInitialElasticsearchIndexName(String index) {
        return prefix + index + "-000001";
    }

    @Override
    public String createWriteAlias(String index) {
        return prefix + index + "-write";
    }

    @Override
    public String createReadAlias(String index) {
        return prefix + index + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String index) {
        return prefix + index;
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndex) {
        Matcher primary = PRIMARY.matcher(elasticsearchIndex);
        if (!primary.matches()) {
            throw new IllegalArgumentException("not an index of this layout: " + elasticsearchIndex);
        }
        return primary.group(1);
    }

    /** The name of the primary index that follows {@code primary}: {@code block-000001} -> {@code block-000002}. */
    static String next(String primary) {
        Matcher matcher = PRIMARY.matcher(primary);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an index of this layout: " + primary);
        }
        int number = Integer.parseInt(primary.substring(primary.length() - 6));
        return matcher.group(1) + String.format("-%06d", number % 999_999 + 1);
    }
}
