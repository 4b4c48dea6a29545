-- The delivery route reads the outbox's undelivered rows a thousand at a time, oldest first. Without an index it
-- read the whole notification table, delivered rows included, and sorted it, for every thousand: the night after a
-- sweep that expired 84,904 deals spent ~29 s delivering them, and every night's cost grew with the table's
-- history. With this index (its columns in the query's ORDER BY) a page is read in index order and the read stops
-- at the thousandth row: ~200 ms -> ~1 ms a page on 94,495 rows.
CREATE INDEX notification_pending ON notification (delivered_at, created_at, deal_id);
