package io.dealsync.model;

import java.time.LocalDate;

/**
 * Which row a deal is stored as: the store's bookkeeping, no rule reads it. Its id, the version the
 * optimistic lock expects, and the day the engine first stored it (the day an Incoming deal without
 * Received or Created Date counts its answer window from, docs/domain.md R50).
 */
final class StoredIdentity {
    long id;
    int version;
    LocalDate storedOn;

    StoredIdentity copy() {
        StoredIdentity c = new StoredIdentity();
        c.id = id;
        c.version = version;
        c.storedOn = storedOn;
        return c;
    }
}
