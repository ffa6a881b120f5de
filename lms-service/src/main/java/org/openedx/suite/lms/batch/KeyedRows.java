package org.openedx.suite.lms.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.repository.CrudRepository;

/**
 * Rows of one table by key, as a batch of changes sees them: the stored rows it read in one query, then created,
 * changed and removed in memory, and written back by {@link #store} for one flush. Changes to stored rows are found
 * by Hibernate's dirty checking.
 * <p>
 * A row removed and then wanted again in the same batch is taken back instead of deleted and inserted anew: in one
 * flush Hibernate inserts before it deletes, so the new row would clash with the old one's unique key.
 *
 * @param <K> what identifies a row within the batch, e.g. a usage key
 * @param <E> the JPA entity
 */
public final class KeyedRows<K, E> {

    private final Map<K, E> present = new HashMap<>();
    private final Map<K, E> removed = new HashMap<>();
    // in the order they were created, so that their ids follow the order of the changes
    private final List<E> created = new ArrayList<>();

    public KeyedRows(Collection<E> stored, Function<E, K> keyOf) {
        stored.forEach(row -> present.put(keyOf.apply(row), row));
    }

    public Optional<E> find(K key) {
        return Optional.ofNullable(present.get(key));
    }

    /** The rows there are now, in no particular order. */
    public Collection<E> all() {
        return Collections.unmodifiableCollection(present.values());
    }

    /**
     * The row of the key: the one there is, else one removed earlier in the batch, which {@code renew} makes what
     * {@code create} would, else a new one from {@code create}.
     */
    public E findOrCreate(K key, Supplier<E> create, Consumer<E> renew) {
        E row = present.get(key);
        if (row != null) {
            return row;
        }
        row = removed.remove(key);
        if (row != null) {
            renew.accept(row);
        } else {
            row = create.get();
            created.add(row);
        }
        present.put(key, row);
        return row;
    }

    public void remove(K key) {
        E row = present.remove(key);
        // an entity's equals is its identity: remove finds exactly this row
        if (row != null && !created.remove(row)) {
            removed.put(key, row);
        }
    }

    /** Hands the created and removed rows to the repository; their statements go out with the next flush. */
    public void store(CrudRepository<E, ?> repository) {
        if (!removed.isEmpty()) {
            repository.deleteAll(List.copyOf(removed.values()));
            removed.clear();
        }
        if (!created.isEmpty()) {
            repository.saveAll(List.copyOf(created));
            created.clear();
        }
    }
}
