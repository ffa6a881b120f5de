package org.openedx.suite.eventbus;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * The parameters of a set-based statement: each column of a batch bound as one PostgreSQL array, for
 * {@code INSERT ... SELECT ... FROM unnest(?::text[], ...)}, so that a batch of any size is one statement.
 * Parameters bind in the order they are added.
 * <p>
 * Instants bind as ISO-8601 text, to be cast in SQL ({@code ?::text[]::timestamptz[]}, {@code ?::timestamptz}):
 * a {@code Timestamp} inside an array is sent as local time without an offset, ambiguous around DST changes.
 */
public final class ArrayParameters implements PreparedStatementSetter {

    private interface Binding {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private final List<Binding> bindings = new ArrayList<>();

    public <R> ArrayParameters texts(Collection<R> rows, Function<R, String> column) {
        return array("text", rows.stream().map(column).toArray(String[]::new));
    }

    public <R> ArrayParameters instants(Collection<R> rows, Function<R, Instant> column) {
        return array("text", rows.stream().map(column).map(ArrayParameters::text).toArray(String[]::new));
    }

    public <R> ArrayParameters booleans(Collection<R> rows, Function<R, Boolean> column) {
        return array("boolean", rows.stream().map(column).toArray(Boolean[]::new));
    }

    public <R> ArrayParameters uuids(Collection<R> rows, Function<R, UUID> column) {
        return array("uuid", rows.stream().map(column).toArray(UUID[]::new));
    }

    public <R> ArrayParameters ints(Collection<R> rows, Function<R, Integer> column) {
        return array("int4", rows.stream().map(column).toArray(Integer[]::new));
    }

    public <R> ArrayParameters longs(Collection<R> rows, Function<R, Long> column) {
        return array("int8", rows.stream().map(column).toArray(Long[]::new));
    }

    public <R> ArrayParameters decimals(Collection<R> rows, Function<R, BigDecimal> column) {
        return array("numeric", rows.stream().map(column).toArray(BigDecimal[]::new));
    }

    /** One value for every row, e.g. the time of the batch. */
    public ArrayParameters instant(Instant value) {
        return value(text(value));
    }

    /** One value for every row, e.g. an entity type. */
    public ArrayParameters value(Object value) {
        bindings.add((statement, index) -> statement.setObject(index, value));
        return this;
    }

    private ArrayParameters array(String type, Object[] values) {
        bindings.add((statement, index) ->
                statement.setArray(index, statement.getConnection().createArrayOf(type, values)));
        return this;
    }

    @Override
    public void setValues(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < bindings.size(); i++) {
            bindings.get(i).bind(statement, i + 1);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
