package io.dealsync.read;

import io.dealsync.model.Deal;

/**
 * What the CSV reader asks before it splits a row: is this text, character for character, the row last
 * applied to the deal its keys find? Such a row is handed on unread ({@link SourceRecord#recognised}); the
 * engine counts it unchanged without reading it, unless it must judge it (a second record of the deal in
 * the same file), and then reads it.
 */
public interface KnownRows {
    /**
     * The id of the stored deal this row was last applied to, or 0: none (the row is read and judged).
     *
     * @param keys    a deal holding the row's key columns only (Referral ID, PartnerID, CRM ID), read as the
     *                whole row would be
     * @param rowHash the hash of the row's text under the file's header and profile ({@link SourceRecord#rowHash()})
     */
    long lastAppliedTo(Deal keys, long rowHash);
}
