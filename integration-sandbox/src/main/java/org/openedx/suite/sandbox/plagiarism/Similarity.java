package org.openedx.suite.sandbox.plagiarism;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much of a text is in the "known sources", a few public-domain passages: the fraction of its words (lower case,
 * letters only, three letters or more) that occur in them, to two decimals. The same text always scores the same.
 */
final class Similarity {

    private static final List<String> SOURCES = List.of(
            // Hamlet, Act III, Scene 1 (Shakespeare)
            """
            To be, or not to be, that is the question: Whether 'tis nobler in the mind to suffer the slings and \
            arrows of outrageous fortune, or to take arms against a sea of troubles and by opposing end them. To die, \
            to sleep, no more; and by a sleep to say we end the heart-ache and the thousand natural shocks that flesh \
            is heir to.""",
            // the Gettysburg Address (Lincoln)
            """
            Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in \
            Liberty, and dedicated to the proposition that all men are created equal. Now we are engaged in a great \
            civil war, testing whether that nation, or any nation so conceived and so dedicated, can long endure.""",
            // A Tale of Two Cities (Dickens)
            """
            It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of \
            foolishness, it was the epoch of belief, it was the incredulity of season of Light, it was the season of \
            Darkness.""");

    private static final Set<String> KNOWN_WORDS = SOURCES.stream()
            .flatMap(source -> words(source).stream()).collect(Collectors.toUnmodifiableSet());

    private Similarity() {
    }

    /** The score of {@code text}, and the words of it found in the sources (each once, in order). */
    static Score of(String text) {
        List<String> words = words(text);
        List<String> known = words.stream().filter(KNOWN_WORDS::contains).toList();
        double similarity = words.isEmpty() ? 0.0 : BigDecimal.valueOf(known.size())
                .divide(BigDecimal.valueOf(words.size()), 2, RoundingMode.HALF_UP).doubleValue();
        return new Score(similarity, known.stream().distinct().toList());
    }

    /** The words that count: lower case, letters only, three letters or more, in order, repeats kept. */
    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .filter(word -> word.length() >= 3).toList();
    }

    record Score(double similarity, List<String> matchedWords) {
    }
}
