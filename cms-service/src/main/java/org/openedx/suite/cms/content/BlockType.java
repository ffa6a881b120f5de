package org.openedx.suite.cms.content;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/** The kinds of block of a course outline, and which kind goes under which: chapter > sequential > vertical > leaf. */
public enum BlockType {
    CHAPTER, SEQUENTIAL, VERTICAL, PROBLEM, HTML, VIDEO;

    private static final Set<BlockType> LEAVES = Set.of(PROBLEM, HTML, VIDEO);

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static Optional<BlockType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value().equals(value)).findFirst();
    }

    /** The kind of parent this kind needs; none for a chapter, which sits directly under the course. */
    @Nullable BlockType parentType() {
        return switch (this) {
            case CHAPTER -> null;
            case SEQUENTIAL -> CHAPTER;
            case VERTICAL -> SEQUENTIAL;
            case PROBLEM, HTML, VIDEO -> VERTICAL;
        };
    }

    /** Whether blocks of this kind carry text a search reads (html text, problem text, video transcript). */
    boolean hasText() {
        return LEAVES.contains(this);
    }

    @Converter
    static class Column implements AttributeConverter<BlockType, String> {
        @Override
        public String convertToDatabaseColumn(BlockType type) {
            return type.value();
        }

        @Override
        public BlockType convertToEntityAttribute(String value) {
            return of(value).orElseThrow(() -> new IllegalStateException("unknown block type " + value));
        }
    }
}
