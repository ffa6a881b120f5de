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
                .addModule(new SimpleModule("iso-datetimes-only")
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
            try {
                return convert.apply(parse.apply(text));
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(type, text, "not an ISO-8601 datetime with offset");
            }
        }
    }
}
