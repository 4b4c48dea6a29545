package io.dealsync.sync;

import io.dealsync.model.Deal;
import io.dealsync.model.Hash64;
import io.dealsync.read.KnownRows;
import io.dealsync.rules.RuleBook;

/**
 * The CSV reader's question, answered from the key index: a row is the row last applied to its deal when
 * one of its keys finds a deal whose stored print is the row's print, or that print tied to a due date
 * after the as-of date (the same test {@link ChunkDecider} makes for a chunk). Only offered when the index answers from memory ({@link StoredDeals#keysInMemory()}).
 */
public final class LastAppliedRows implements KnownRows {
    private final StoredDeals stored;
    private final FileContext ctx;
    private final RuleBook book;

    public LastAppliedRows(StoredDeals stored, FileContext ctx, RuleBook book) {
        this.stored = stored;
        this.ctx = ctx;
        this.book = book;
    }

    @Override
    public long lastAppliedTo(Deal keys, long rowHash) {
        long print = RecordFingerprint.ofRow(rowHash, ctx.salt(book.fingerprint()));
        for (String key : ChunkDecider.keysOf(keys, ctx)) {
            StoredDeals.KeyRow row = stored.key(Hash64.of(key));
            if (row != null && ctx.sameRecord(row.contentHash(), print, book.reference().expiryWindowDays())) {
                return row.dealId();
            }
        }
        return 0;
    }
}
