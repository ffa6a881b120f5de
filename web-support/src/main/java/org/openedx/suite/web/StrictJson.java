package org.openedx.suite.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a value of the wrong type is an error, not something to coerce ({@code 42} is
 * not a date, {@code 123} not a name, {@code 7.5} not a count), and a field the API does not have is reported rather than ignored, so a typo
 * such as {@code end_date} for {@code end} cannot pass silently.
 */
final class StrictJson implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
        builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Jackson reads a number as epoch seconds whatever the coercion settings say; an API of ISO-8601
                // datetimes must not
                .addModule(new SimpleModule("storable-values-only")
                        .addDeserializer(String.class, new TextWithoutNul())
                        .addDeserializer(Instant.class, new TextOnly<>(Instant.class, OffsetDateTime::parse,
                                OffsetDateTime::toInstant))
                        .addDeserializer(OffsetDateTime.class, new TextOnly<>(OffsetDateTime.class,
                                OffsetDateTime::parse, t -> t)))
                .withCoercionConfig(LogicalType.DateTime, config -> {
                    config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                })
                .withCoercionConfig(LogicalType.Textual, config -> {
                    config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
    }

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    /**
     * Text as given, except that the NUL character is refused: PostgreSQL cannot store it, and no name, key or
     * username needs it.
     */
    private static final class TextWithoutNul extends ValueDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            if (text.indexOf('\u0000') >= 0) {
                return (String) context.handleWeirdStringValue(String.class, text, "must not contain the NUL character");
            }
            return text;
        }
    }

    /** A datetime given as ISO-8601 text with an offset; anything else is refused. */
    private static final class TextOnly<P, T> extends ValueDeserializer<T> {
        private final Class<T> type;
        private final Function<String, P> parse;
        private final Function<P, T> convert;

        TextOnly(Class<T> type, Function<String, P> parse, Function<P, T> convert) {
            this.type = type;
            this.parse = parse;
            this.convert = convert;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(type, parser);
            }
            String text = parser.getString().trim();
            P parsed;
            try {
                parsed = parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(type, text, "not an ISO-8601 datetime with offset");
            }
            int year = ((OffsetDateTime) parsed).getYear();
            if (year < MIN_YEAR || year > MAX_YEAR) {
                // PostgreSQL stores years up to 294276 only; no course runs in year 300000
                return (T) context.handleWeirdStringValue(type, text, "the year must be between %d and %d",
                        MIN_YEAR, MAX_YEAR);
            }
            return convert.apply(parsed);
        }
    }
}
