package org.openedx.suite.it.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * A fault an operator can fix: a service's database refuses to write some rows of one table, the way a constraint or
 * a permission gone wrong would. The handler that writes them fails on every attempt, so its events are dead-lettered;
 * {@link #lift()} is the fix, after which a replay succeeds. Only the given rows are refused, so nothing else the
 * service does is disturbed.
 *
 * @param trigger the trigger that refuses them
 */
record RefusedWrites(Suite suite, SuiteService service, String table, String trigger) {

    /** From now on, inserting or updating a row of {@code table} whose {@code column} is one of these fails. */
    static RefusedWrites of(Suite suite, SuiteService service, String table, String column,
                            Collection<String> values) {
        String trigger = "it_refuse_" + UUID.randomUUID().toString().replace("-", "");
        String refused = values.stream().map(value -> "'" + value.replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        RefusedWrites writes = new RefusedWrites(suite, service, table, trigger);
        // the trigger fails the INSERT or UPDATE itself, so the handler fails, not the commit after it: that holds
        // where the handler's write is a statement of its own, not one JPA defers to the flush at commit
        writes.execute("""
                CREATE OR REPLACE FUNCTION it_refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the test refuses to write % % = %', TG_TABLE_NAME, TG_ARGV[0],
                        to_jsonb(NEW) ->> TG_ARGV[0];
                END $$""");
        writes.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT OR UPDATE ON " + table + " FOR EACH ROW WHEN (NEW."
                + column + " IN (" + refused + ")) EXECUTE FUNCTION it_refuse_write('" + column + "')");
        return writes;
    }

    /** The fix: the rows are written again from now on. */
    void lift() {
        execute("DROP TRIGGER IF EXISTS " + trigger + " ON " + table);
    }

    private void execute(String sql) {
        try (Connection connection = suite.postgres().connectAsSuperuser(service.database());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("on " + service.database() + ": " + sql, e);
        }
    }
}
