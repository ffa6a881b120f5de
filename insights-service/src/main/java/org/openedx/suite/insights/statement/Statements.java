package org.openedx.suite.insights.statement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.openedx.suite.eventbus.ArrayParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The statement table: written once per id (a statement made again from a duplicated tracking log is dropped), read
 * by the LRS API, the live feed and nobody else: the figures have tables of their own.
 * <p>
 * Each row carries the id of the transaction that wrote it ({@code tx}). The feed reads rows of transactions below
 * the oldest one still running ({@link #committedSince}): those are all finished, so a statement whose transaction
 * commits late is read late rather than skipped, which a plain "sequence greater than the last seen" would risk with
 * several consumers (and several instances) writing at once.
 */
@Service
public class Statements {

    private static final String INSERT = """
            INSERT INTO statement (id, course_key, actor, verb, object_id, registration, tracking_name, event_time,
                                   stored, body)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[],
                                 ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]::json[])
            ON CONFLICT (id) DO NOTHING
            RETURNING id
            """;

    private static final String COMMITTED_SINCE = """
            WITH b AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS upto)
            SELECT b.upto::text AS upto, s.course_key, s.body::text AS body
              FROM b LEFT JOIN statement s
                ON s.tx >= ?::xid8 AND s.tx < b.upto AND s.course_key = ANY (?::text[])
             ORDER BY s.seq
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Statements(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the statements whose ids are new, in the caller's transaction, in one statement; returns those, in
     * their order. Rows go in in id order, so that two transactions storing the same ids wait rather than deadlock.
     */
    @Transactional
    public List<Statement> storeNew(Collection<Statement> statements) {
        Map<UUID, Statement> byId = new LinkedHashMap<>();
        statements.forEach(statement -> byId.putIfAbsent(statement.id(), statement));
        if (byId.isEmpty()) {
            return List.of();
        }
        List<Statement> rows = byId.values().stream().sorted(Comparator.comparing(Statement::id)).toList();
        Set<UUID> stored = Set.copyOf(jdbc.query(INSERT, new ArrayParameters()
                        .uuids(rows, Statement::id)
                        .texts(rows, Statement::courseKey)
                        .texts(rows, Statement::actor)
                        .texts(rows, statement -> statement.verb().id())
                        .texts(rows, Statement::objectId)
                        .uuids(rows, Statement::registration)
                        .texts(rows, Statement::trackingName)
                        .instants(rows, Statement::timestamp)
                        .instants(rows, Statement::stored)
                        .texts(rows, statement -> json.writeValueAsString(statement.json())),
                (rs, n) -> rs.getObject(1, UUID.class)));
        return byId.values().stream().filter(statement -> stored.contains(statement.id()))
                .collect(Collectors.toList());
    }

    @Transactional(readOnly = true)
    public Optional<ObjectNode> find(UUID id) {
        return jdbc.query("SELECT body::text FROM statement WHERE id = ?", (rs, n) -> body(rs), id)
                .stream().findFirst();
    }

    /** One page of statements that match, in {@code stored} order, and where the next page starts (if any). */
    @Transactional(readOnly = true)
    public StatementPage query(StatementQuery query) {
        StringBuilder sql = new StringBuilder("SELECT seq, stored, body::text FROM statement WHERE true");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, " AND verb = ?", query.verb());
        condition(sql, parameters, " AND object_id = ?", query.activity());
        condition(sql, parameters, " AND actor = ?", query.agentName());
        condition(sql, parameters, " AND registration = ?", query.registration());
        condition(sql, parameters, " AND stored > ?", offset(query.since()));
        condition(sql, parameters, " AND stored <= ?", offset(query.until()));
        if (query.after() != null) {
            sql.append(query.ascending() ? " AND (stored, seq) > (?, ?)" : " AND (stored, seq) < (?, ?)");
            parameters.add(offset(query.after().stored()));
            parameters.add(query.after().seq());
        }
        String direction = query.ascending() ? "ASC" : "DESC";
        sql.append(" ORDER BY stored ").append(direction).append(", seq ").append(direction).append(" LIMIT ?");
        parameters.add(query.limit() + 1);
        List<Row> rows = jdbc.query(sql.toString(), (rs, n) -> new Row(rs.getLong("seq"),
                rs.getObject("stored", OffsetDateTime.class).toInstant(), body(rs)), parameters.toArray());
        boolean more = rows.size() > query.limit();
        List<Row> page = more ? rows.subList(0, query.limit()) : rows;
        Position next = more ? new Position(page.get(page.size() - 1).stored(), page.get(page.size() - 1).seq())
                : null;
        return new StatementPage(page.stream().map(Row::body).toList(), next);
    }

    /** The newest {@code count} statements of a course, oldest first. */
    @Transactional(readOnly = true)
    public List<ObjectNode> latest(String courseKey, int count) {
        List<ObjectNode> newestFirst = jdbc.query(
                "SELECT body::text FROM statement WHERE course_key = ? ORDER BY seq DESC LIMIT ?",
                (rs, n) -> body(rs), courseKey, count);
        List<ObjectNode> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The statements of these courses written by transactions that have finished since {@code boundary} (null: none
     * yet, only the new boundary), in the order they were stored, and the boundary to ask from next time.
     */
    @Transactional(readOnly = true)
    public Committed committedSince(String boundary, Collection<String> courseKeys) {
        List<String> uptos = new ArrayList<>(1);
        List<CourseStatement> bodies = new ArrayList<>();
        jdbc.query(COMMITTED_SINCE, new ArrayParameters().value(boundary == null ? "0" : boundary)
                .texts(boundary == null ? List.<String>of() : courseKeys, key -> key), rs -> {
                    if (uptos.isEmpty()) {
                        uptos.add(rs.getString("upto"));
                    }
                    if (rs.getString("body") != null) {
                        bodies.add(new CourseStatement(rs.getString("course_key"), body(rs)));
                    }
                });
        return new Committed(bodies, uptos.get(0));
    }

    private ObjectNode body(ResultSet rs) throws SQLException {
        return (ObjectNode) json.readTree(rs.getString("body"));
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private record Row(long seq, Instant stored, ObjectNode body) {
    }

    /**
     * What the LRS API asks for; null filters match everything.
     *
     * @param agentName the account name of the actor
     * @param since     stored after (exclusive)
     * @param until     stored at or before
     * @param after     where the page starts: after this statement in the query's order; null from the beginning
     */
    public record StatementQuery(String verb, String activity, String agentName, UUID registration, Instant since,
                                 Instant until, int limit, boolean ascending, Position after) {
    }

    /** A statement's place in {@code stored} order: what a {@code more} cursor holds. */
    public record Position(Instant stored, long seq) {
    }

    /** @param next where the next page starts; null when this is the last */
    public record StatementPage(List<ObjectNode> statements, Position next) {
    }

    /** @param boundary the boundary to read from next time */
    public record Committed(List<CourseStatement> statements, String boundary) {
    }

    public record CourseStatement(String courseKey, ObjectNode json) {
    }
}
