-- Cluster locks (several instances on one PostgreSQL database).
-- A file lock's age is judged on the database's clock (CURRENT_TIMESTAMP in SQL): as a point in time, so that
-- instances in different time zones agree on it. heldBy names the instance holding the lock: only that
-- instance refreshes or releases it, and one whose refresh finds its row taken over knows it lost the file.
ALTER TABLE CAMEL_MESSAGEPROCESSED ALTER COLUMN createdAt SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE CAMEL_MESSAGEPROCESSED ADD COLUMN heldBy VARCHAR(300);

-- Notification delivery runs on one instance at a time: a row lock on this row, as the sweep's on 'sweep'.
INSERT INTO engine_lock (name) VALUES ('outbox');
