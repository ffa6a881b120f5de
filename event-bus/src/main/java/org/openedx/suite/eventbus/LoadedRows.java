package org.openedx.suite.eventbus;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

/**
 * The rows of one table that a batch of changes touches, by key: read in one query, then found, created, changed and
 * removed in memory, and written at the transaction's next flush in JDBC batches. Changes to rows are found by
 * Hibernate's dirty checking; rows are handed to the persistence context as they are created or removed, so nothing
 * is left to hand over at the end.
 * <p>
 * A row removed and then wanted again in the same batch is a new row, inserted after the removal reached the
 * database (a flush, on this rare path only): in one flush Hibernate inserts before it deletes, so the new row would
 * otherwise clash with the old one's unique key.
 *
 * @param <K> what identifies a row within the batch, e.g. a usage key
 * @param <E> the JPA entity
 */
public final class LoadedRows<K, E> {

    private final EntityManager entityManager;
    private final Map<K, E> present = new HashMap<>();
    private final Set<K> removed = new HashSet<>();

    private LoadedRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @param entityManager the transaction's, e.g. Spring's shared {@code @PersistenceContext} proxy
     * @param loaded        the rows as one query read them
     * @param keyOf         a row's key
     */
    public static <K, E> LoadedRows<K, E> of(EntityManager entityManager, Collection<E> loaded, Function<E, K> keyOf) {
        LoadedRows<K, E> rows = new LoadedRows<>(entityManager);
        loaded.forEach(row -> rows.present.put(keyOf.apply(row), row));
        return rows;
    }

    public Optional<E> find(K key) {
        return Optional.ofNullable(present.get(key));
    }

    /** The rows there are now, in no particular order. */
    public Collection<E> all() {
        return Collections.unmodifiableCollection(present.values());
    }

    /**
     * The row of the key: the one there is, else the new one {@code create} returns, complete: it is handed to JPA as
     * it is, and JPA inserts the state a row has when it is handed over. A row that is changed right after it is made
     * goes through {@link #change} instead.
     */
    public E findOrCreate(K key, Supplier<E> create) {
        E row = present.get(key);
        return row != null ? row : add(key, create.get());
    }

    /**
     * Changes the row of the key: the one there is, else a new one from {@code create}, which is handed to JPA only
     * after the change, so that it is inserted as changed, in one statement.
     */
    public E change(K key, Supplier<E> create, Consumer<E> change) {
        E row = present.get(key);
        if (row != null) {
            change.accept(row);
            return row;
        }
        row = create.get();
        change.accept(row);
        return add(key, row);
    }

    private E add(K key, E row) {
        if (removed.remove(key)) {
            entityManager.flush();
        }
        entityManager.persist(row);
        present.put(key, row);
        return row;
    }

    public void remove(K key) {
        E row = present.remove(key);
        if (row != null) {
            entityManager.remove(row);
            removed.add(key);
        }
    }
}
