package io.dealsync.sync;

import io.dealsync.model.Deal;
import java.util.Collection;
import java.util.Map;

/** Bulk lookup of stored deals: one call per chunk, never one query per record. */
@FunctionalInterface
public interface StoredDeals {
    /**
     * The stored deals that the given keys find ({@link Deal#getKey()} forms: {@code R:<referral id>} and
     * {@code C:<partner id>\0<crm id>}), each deal under every key of the request that matches it.
     */
    Map<String, Deal> find(Collection<String> keys);

    StoredDeals NONE = keys -> Map.of();
}
