package org.openedx.suite.sandbox.lrs;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openedx.suite.sandbox.received.Resettable;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.stereotype.Service;

/**
 * The statements the LRS holds, in the order they were stored. A statement whose id is held already is taken again
 * when it is the same statement (but for what the LRS sets), and refused (409) when it is another.
 */
@Service
class Statements implements Resettable {

    private final Map<UUID, StoredStatement> byId = new LinkedHashMap<>();

    /**
     * Stores those of the statements not held yet, all or none: one refused stores none of them.
     *
     * @return their ids, in the order they came
     */
    synchronized List<UUID> store(List<SentStatement> statements) {
        Map<UUID, SentStatement> added = new LinkedHashMap<>();
        for (SentStatement statement : statements) {
            StoredStatement stored = byId.get(statement.id());
            SentStatement held = stored != null ? stored.sent() : added.get(statement.id());
            if (held == null) {
                added.put(statement.id(), statement);
            } else if (!statement.sameAs(held)) {
                throw SandboxException.conflict("another statement has the id " + statement.id());
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        added.values().forEach(statement -> byId.put(statement.id(), new StoredStatement(statement, now)));
        return statements.stream().map(SentStatement::id).toList();
    }

    synchronized Optional<StoredStatement> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The statements with the verb (null: any), the newest stored first.
     *
     * @param limit how many at the most; 0: all
     */
    synchronized List<StoredStatement> list(String verbId, int limit) {
        List<StoredStatement> all = new ArrayList<>(byId.values());
        List<StoredStatement> found = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && (limit == 0 || found.size() < limit); i--) {
            StoredStatement statement = all.get(i);
            if (verbId == null || verbId.equals(statement.sent().verbId())) {
                found.add(statement);
            }
        }
        return found;
    }

    @Override
    public synchronized void reset() {
        byId.clear();
    }
}
