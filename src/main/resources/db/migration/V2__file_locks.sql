-- Camel's JDBC idempotent read lock (several instances on one inbox). Camel would create this table
-- itself, but without a key: two instances polling the same file at the same instant could then both
-- insert the lock row. The primary key makes the second insert fail, and that instance skips the file.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(1000) NOT NULL,
    createdAt     TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);
