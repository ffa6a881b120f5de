package org.openedx.suite.discovery.courserun;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How the catalog's titles and keys are cut into words, the same on either search backend (embedded Lucene, or
 * Elasticsearch/OpenSearch): a word is a run of letters and digits, so {@code course-v1:MITx+PHY_101+2026} is
 * {@code course v1 mitx phy 101 2026}; case and accents do not count. Named by
 * {@code hibernate.search.backend.analysis.configurer} in application.yml; the search splits its text the same way
 * ({@link #SEPARATORS}). Public, with a public constructor, as Hibernate Search creates it by reflection.
 */
public class CatalogAnalysis implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

    /** Words, lower case, without accents: what a title or key says. */
    static final String WORDS = "catalog_words";
    /** Every beginning of every word ({@code q qu qua quan ...}), for finding a word by its first letters. */
    static final String WORD_BEGINNINGS = "catalog_word_beginnings";
    /** A whole value, lower case, without accents: a key as typed, ignoring case. */
    static final String WHOLE_IGNORING_CASE = "catalog_whole_ignoring_case";

    /** What separates words: anything but a letter or a digit. */
    static final String SEPARATORS = "[^\\p{L}\\p{N}]+";
    /** Beginnings are indexed up to this many letters; a longer word is found by itself. */
    static final int LONGEST_BEGINNING = 30;

    public CatalogAnalysis() {
    }

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(WORDS).custom()
                .tokenizer("pattern").param("pattern", SEPARATORS).param("group", "-1")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
        context.analyzer(WORD_BEGINNINGS).custom()
                .tokenizer("pattern").param("pattern", SEPARATORS).param("group", "-1")
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding")
                .tokenFilter("edgeNGram").param("minGramSize", "1")
                .param("maxGramSize", String.valueOf(LONGEST_BEGINNING));
        context.normalizer(WHOLE_IGNORING_CASE).custom()
                .tokenFilter("lowercase")
                .tokenFilter("asciiFolding");
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.tokenizer("catalog_separators").type("pattern").param("pattern", SEPARATORS);
        context.tokenFilter("catalog_beginnings").type("edge_ngram")
                .param("min_gram", 1).param("max_gram", LONGEST_BEGINNING);
        context.analyzer(WORDS).custom()
                .tokenizer("catalog_separators")
                .tokenFilters("lowercase", "asciifolding");
        context.analyzer(WORD_BEGINNINGS).custom()
                .tokenizer("catalog_separators")
                .tokenFilters("lowercase", "asciifolding", "catalog_beginnings");
        context.normalizer(WHOLE_IGNORING_CASE).custom()
                .tokenFilters("lowercase", "asciifolding");
    }
}
