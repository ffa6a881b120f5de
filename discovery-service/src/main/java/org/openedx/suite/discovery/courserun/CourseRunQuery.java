package org.openedx.suite.discovery.courserun;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a search or listing of the catalog asks for, its parameters validated.
 *
 * @param text         the text searched for; null for a listing (no {@code q}, or a blank one)
 * @param orgs         only runs of these organizations; all when empty
 * @param pacing       only runs paced this way; all when null
 * @param availability only runs of this availability at the time of the search; all when null
 */
record CourseRunQuery(@Nullable String text, List<String> orgs, @Nullable PacingType pacing,
                      @Nullable Availability availability) {

    /** At most this many words of a text count: each is several clauses of the query, and a search has a bound. */
    static final int MAX_WORDS = 10;

    private static final Pattern SEPARATORS = Pattern.compile(CatalogAnalysis.SEPARATORS);

    CourseRunQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        orgs = orgs.stream().filter(org -> !org.isBlank()).distinct().toList();
    }

    boolean searching() {
        return text != null;
    }

    /** The text's words as the index has them ({@link CatalogAnalysis}): runs of letters and digits, lower case. */
    List<String> words() {
        if (text == null) {
            return List.of();
        }
        return SEPARATORS.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(word -> !word.isEmpty()).distinct()
                .limit(MAX_WORDS).toList();
    }

    /**
     * The typos a word of the text may have and still match a title's word, as Elasticsearch's {@code AUTO}
     * fuzziness: none up to two letters, one up to five, two beyond. A word with a digit is a code, a number or a year
     * and is matched as it is.
     */
    static int typosAllowed(String word) {
        if (word.chars().anyMatch(Character::isDigit)) {
            return 0;
        }
        int letters = word.codePointCount(0, word.length());
        return letters <= 2 ? 0 : letters <= 5 ? 1 : 2;
    }
}
