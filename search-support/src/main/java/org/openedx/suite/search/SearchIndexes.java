package org.openedx.suite.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service's search indexes (Hibernate Search on its JPA entities). Indexing is explicit: the service's reactions to
 * its own events call {@link #indexing} for what changed, so an index update is as durable as the event that asks for
 * it. A full {@link #reindex} keeps searches answering while it runs: on Elasticsearch/OpenSearch it builds a new index
 * beside the one searches read and switches the read alias to it ({@link IndexSwitch}); on embedded Lucene, which has
 * no aliases, it rewrites every document in place. Meanwhile it holds back the event-driven indexing (a PostgreSQL
 * advisory lock, shared by indexers and taken alone by the reindex, on every instance of the service): an edit that
 * commits during the reindex is indexed after it, so the reindex cannot overwrite it with what it read before. A
 * reindex whose index would change in size by more than {@code suite.search.reindex-max-change} is refused: before
 * anything is written when the table's row count already says so, and on a search cluster also after the build,
 * by the new index's own count, before it is switched to (the new index is then deleted).
 */
public class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

    /** One lock per database, so per service: the services' databases are their own. */
    private static final long REINDEX_LOCK = 0x5EA4C4_1D3L;
    private static final int BATCH = 500;

    private final EntityManagerFactory entityManagerFactory;
    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final SearchProperties properties;

    SearchIndexes(EntityManagerFactory entityManagerFactory, EntityManager entityManager, DataSource dataSource,
                  PlatformTransactionManager transactionManager, SearchProperties properties) {
        this.entityManagerFactory = entityManagerFactory;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.properties = properties;
    }

    /**
     * Applies {@code work} (add, update or purge documents) to the indexes now, in the caller's transaction, and
     * throws if the index cannot be written, so the reaction that asked for it fails and is tried again. Waits while a
     * reindex runs.
     */
    public void indexing(Consumer<SearchSession> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("indexing runs in the transaction of the reaction that asks for it");
        }
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", rs -> null, REINDEX_LOCK);
        write(work);
    }

    /** Documents in the index of {@code indexedType}, as searches see them. */
    public long documents(Class<?> indexedType) {
        IndexSwitch aliases = IndexSwitch.of(Search.mapping(entityManagerFactory), indexedType);
        if (aliases != null) {
            return aliases.documents(aliases.readIndex());
        }
        return Objects.requireNonNull(reads.execute(status -> Search.session(entityManager).search(indexedType)
                .where(f -> f.matchAll()).fetchTotalHitCount()));
    }

    /** Rebuilds every index of the service; see the class comment. */
    public ReindexReport reindex(boolean force) {
        return reindex(Search.mapping(entityManagerFactory).allIndexedEntities().stream()
                .<Class<?>>map(SearchIndexedEntity::javaClass).toList(), force);
    }

    /** Fills the indexes that are empty while their table is not (a new index directory, a new search cluster). */
    void fillEmptyIndexes() {
        repairInterruptedReindexes();
        List<Class<?>> empty = Search.mapping(entityManagerFactory).allIndexedEntities().stream()
                .<Class<?>>map(SearchIndexedEntity::javaClass)
                .filter(type -> documents(type) == 0 && rows(type) > 0).toList();
        if (!empty.isEmpty()) {
            log.info("Building the empty search indexes of {}", empty.stream().map(Class::getSimpleName).toList());
            log.info("Built: {}", reindex(empty, true));
        }
    }

    ReindexReport reindex(List<Class<?>> types, boolean force) {
        return exclusively(() -> {
                List<ReindexReport.Index> planned = new ArrayList<>();
                for (Class<?> type : types) {
                    IndexSwitch aliases = IndexSwitch.of(Search.mapping(entityManagerFactory), type);
                    if (aliases != null) {
                        repair(type, aliases);
                    }
                    long rows = rows(type);
                    long before = documents(type);
                    refuseIfTooDifferent(type, before, rows, force);
                    planned.add(new ReindexReport.Index(name(type), rows, before, -1));
                }
                List<ReindexReport.Index> done = new ArrayList<>();
                for (int i = 0; i < types.size(); i++) {
                    Class<?> type = types.get(i);
                    ReindexReport.Index index = planned.get(i);
                    IndexSwitch aliases = IndexSwitch.of(Search.mapping(entityManagerFactory), type);
                    long after = aliases == null ? rewriteInPlace(type) : buildBesideThenSwitch(type, aliases,
                            index.before(), force);
                    done.add(new ReindexReport.Index(index.index(), index.rows(), index.before(), after));
                }
                return new ReindexReport(done);
        });
    }

    /** Runs {@code work} holding the reindex lock alone: no indexing reaction and no other reindex runs meanwhile. */
    private <T> T exclusively(Supplier<T> work) {
        try (Connection lock = dataSource.getConnection()) {
            call(lock, "SELECT pg_advisory_lock(?)");
            try {
                return work.get();
            } finally {
                call(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the reindex lock", e);
        }
    }

    /** Embedded Lucene: every document rewritten in place, then the stale ones purged; returns the documents after. */
    private long rewriteInPlace(Class<?> type) {
        rewrite(type);
        purgeStale(type);
        return documents(type);
    }

    /**
     * Elasticsearch/OpenSearch: a new index built beside the one searches read, from the table alone, then switched
     * to, or deleted when its size differs from the old one's by more than allowed; returns the documents searched
     * after.
     */
    private long buildBesideThenSwitch(Class<?> type, IndexSwitch aliases, long before, boolean force) {
        String current = aliases.readIndex();
        String next = aliases.createBeside(current);
        log.info("Search index {}: building {} beside {}", name(type), next, current);
        aliases.moveWriteAlias(current, next);
        long after;
        try {
            rewrite(type);
            after = aliases.documents(next);
            refuseIfTooDifferent(type, before, after, force);
        } catch (RuntimeException e) {
            // searches never left the current index, and no edit was indexed meanwhile (they wait for the lock)
            aliases.moveWriteAlias(next, current);
            aliases.delete(next);
            throw e;
        }
        aliases.moveReadAlias(current, next);
        aliases.delete(current);
        log.info("Search index {} rebuilt as {} ({} documents, {} before) and switched to", name(type), next, after,
                before);
        return after;
    }

    /**
     * A reindex that stopped between building its new index and switching to it (its process ended) left the write
     * alias on the new index: pointed back at the index searches read, which is then brought up to date in place.
     * Runs under the reindex lock, so no other reindex is building.
     */
    private void repair(Class<?> type, IndexSwitch aliases) {
        String read = aliases.readIndex();
        String write = aliases.writeIndex();
        if (!read.equals(write)) {
            log.warn("Search index {}: a reindex stopped before it switched; writing to {} again and updating it",
                    name(type), read);
            aliases.moveWriteAlias(write, read);
            aliases.delete(write);
            rewriteInPlace(type);
        }
    }

    private void refuseIfTooDifferent(Class<?> type, long before, long after, boolean force) {
        double maxChange = properties.reindexMaxChange();
        if (!force && before > 0 && Math.abs(after - before) > maxChange * before) {
            throw new ReindexRefusedException(name(type), before, after, maxChange);
        }
    }

    private void repairInterruptedReindexes() {
        exclusively(() -> {
            for (SearchIndexedEntity<?> entity : Search.mapping(entityManagerFactory).allIndexedEntities()) {
                IndexSwitch aliases = IndexSwitch.of(Search.mapping(entityManagerFactory), entity.javaClass());
                if (aliases != null) {
                    repair(entity.javaClass(), aliases);
                }
            }
            return null;
        });
    }

    /** Every row's document, rewritten in place a batch at a time (in key order, so a batch is one range query). */
    private void rewrite(Class<?> type) {
        String id = idAttribute(type);
        Object last = null;
        while (true) {
            Object after = last;
            last = transactions.execute(status -> {
                var query = entityManager.createQuery("SELECT e FROM " + name(type) + " e"
                        + (after == null ? "" : " WHERE e." + id + " > :after") + " ORDER BY e." + id, type);
                if (after != null) {
                    query.setParameter("after", after);
                }
                List<?> batch = query.setMaxResults(BATCH).getResultList();
                write(session -> batch.forEach(session.indexingPlan()::addOrUpdate));
                entityManager.clear();
                return batch.size() < BATCH ? null
                        : entityManagerFactory.getPersistenceUnitUtil().getIdentifier(batch.get(batch.size() - 1));
            });
            if (last == null) {
                return;
            }
        }
    }

    /** Documents whose row is gone (a purge lost before this service's reactions were durable, or by hand). */
    private void purgeStale(Class<?> type) {
        String id = idAttribute(type);
        transactions.executeWithoutResult(status -> {
            SearchSession session = Search.session(entityManager);
            try (SearchScroll<Object> scroll = session.search(type).select(f -> f.id()).where(f -> f.matchAll())
                    .scroll(BATCH)) {
                for (SearchScrollResult<Object> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
                    List<Object> ids = chunk.hits();
                    List<?> existing = entityManager.createQuery("SELECT e." + id + " FROM " + name(type) + " e WHERE e."
                            + id + " IN :ids", Object.class).setParameter("ids", ids).getResultList();
                    ids.stream().filter(documentId -> !existing.contains(documentId))
                            .forEach(documentId -> session.indexingPlan().purge(type, documentId, null));
                }
            }
            session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.writeSync());
            session.indexingPlan().execute();
        });
    }

    private void write(Consumer<SearchSession> work) {
        SearchSession session = Search.session(entityManager);
        session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.writeSync());
        work.accept(session);
        session.indexingPlan().execute();
    }

    private long rows(Class<?> type) {
        return Objects.requireNonNull(reads.execute(status -> entityManager
                .createQuery("SELECT count(e) FROM " + name(type) + " e", Long.class).getSingleResult()));
    }

    private String name(Class<?> type) {
        return Search.mapping(entityManagerFactory).indexedEntity(type).jpaName();
    }

    private String idAttribute(Class<?> type) {
        EntityType<?> entity = entityManagerFactory.getMetamodel().entity(type);
        return entity.getId(entity.getIdType().getJavaType()).getName();
    }

    private static void call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, REINDEX_LOCK);
            statement.execute();
        }
    }
}
