-- dealsync schema. Portable SQL: the same migrations run on HSQLDB (embedded) and PostgreSQL (scale-out).
-- Write speed decides the throughput bar (docs/quality.md): BIGINT surrogate keys, no foreign keys on the
-- child tables (the engine writes parent and children in one transaction), and only the indexes that
-- lookups need.

-- Hi/lo id blocks: one NEXT VALUE per chunk gives 1000 deal ids.
CREATE SEQUENCE deal_id_block START WITH 1;

-- Current state of every deal. Columns are the canonical ones; dates as DATE, the rest as text.
CREATE TABLE deal (
    id                    BIGINT PRIMARY KEY,
    version               INTEGER NOT NULL,
    referral_id           VARCHAR(100),
    engagement_id         VARCHAR(100),
    crm_id                VARCHAR(200),
    partner_id            VARCHAR(100) NOT NULL,
    deal_name             VARCHAR(500),
    deal_type             VARCHAR(50),
    direction             VARCHAR(20) NOT NULL,
    location              VARCHAR(100),
    customer_name         VARCHAR(500),
    customer_address_1    VARCHAR(500),
    customer_address_2    VARCHAR(500),
    customer_city         VARCHAR(200),
    customer_state        VARCHAR(200),
    customer_postal_code  VARCHAR(50),
    customer_country      VARCHAR(10),
    customer_duns         VARCHAR(20),
    contact_first_name    VARCHAR(200),
    contact_last_name     VARCHAR(200),
    contact_phone         VARCHAR(50),
    contact_email         VARCHAR(320),
    status                VARCHAR(20) NOT NULL,
    substatus             VARCHAR(20) NOT NULL,
    reason_code           VARCHAR(20),
    status_reason         VARCHAR(2000),
    sales_stage           INTEGER NOT NULL,
    estimated_value       VARCHAR(50),
    currency              VARCHAR(10),
    estimated_close_date  DATE,
    marketing_campaign_id VARCHAR(200),
    notes                 VARCHAR(10000),
    consent               VARCHAR(10),
    solution              VARCHAR(500),
    assessment_location   VARCHAR(100),
    received_date         DATE,
    created_date          DATE,
    invited_by            VARCHAR(100),
    -- set only while an Incoming deal awaits an answer (New/Received, New/Pending): the expiry sweep's index
    received_on           DATE,
    stored_on             DATE NOT NULL,
    updated_at            TIMESTAMP NOT NULL,
    last_file_id          BIGINT,
    last_line             BIGINT
);
CREATE UNIQUE INDEX deal_by_referral ON deal (referral_id);
-- crm_id first: a chunk looks deals up by crm_id IN (...), then checks the partner.
CREATE UNIQUE INDEX deal_by_crm ON deal (crm_id, partner_id);
-- the sweep reads only deals awaiting an answer (received_on is NULL for every other deal)
CREATE INDEX deal_awaiting_answer ON deal (received_on);

-- The partner's deal team (a team list replaces the stored team).
CREATE TABLE team_member (
    deal_id     BIGINT NOT NULL,
    position    INTEGER NOT NULL,
    first_name  VARCHAR(200) NOT NULL,
    last_name   VARCHAR(200) NOT NULL,
    phone       VARCHAR(50) NOT NULL,
    email       VARCHAR(320) NOT NULL,
    PRIMARY KEY (deal_id, position)
);

-- The four assessment stages, each with the date the partner marked it (1 = Secure customer LOE ... 4 = Present).
CREATE TABLE stage_mark (
    deal_id    BIGINT NOT NULL,
    stage      INTEGER NOT NULL,
    marked_on  DATE NOT NULL,
    PRIMARY KEY (deal_id, stage)
);

-- Every input file the engine took: its content hash (repeats), counts, and the checkpoint a crashed
-- run resumes from (last settled line and the reject/warning file offsets written up to it).
CREATE TABLE ingested_file (
    id               BIGINT PRIMARY KEY,
    name             VARCHAR(500) NOT NULL,
    source           VARCHAR(200) NOT NULL,
    sha256           CHAR(64) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    run_id           VARCHAR(100) NOT NULL,
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP,
    rules_fingerprint VARCHAR(64),
    records_read     BIGINT DEFAULT 0 NOT NULL,
    created          BIGINT DEFAULT 0 NOT NULL,
    updated          BIGINT DEFAULT 0 NOT NULL,
    unchanged        BIGINT DEFAULT 0 NOT NULL,
    rejected         BIGINT DEFAULT 0 NOT NULL,
    skipped          BIGINT DEFAULT 0 NOT NULL,
    warnings         BIGINT DEFAULT 0 NOT NULL,
    expired          BIGINT DEFAULT 0 NOT NULL,
    checkpoint_line  BIGINT DEFAULT 0 NOT NULL,
    reject_file      VARCHAR(1000),
    reject_offset    BIGINT DEFAULT 0 NOT NULL,
    warning_file     VARCHAR(1000),
    warning_offset   BIGINT DEFAULT 0 NOT NULL,
    ledger           VARCHAR(100000),
    error            VARCHAR(4000)
);
CREATE INDEX ingested_file_by_sha ON ingested_file (sha256);
CREATE SEQUENCE ingested_file_id START WITH 1;

-- One row per change of a deal, naming the file and line it came from.
CREATE TABLE deal_history (
    deal_id     BIGINT NOT NULL,
    seq         BIGINT NOT NULL,
    changed_at  TIMESTAMP NOT NULL,
    as_of       DATE NOT NULL,
    run_id      VARCHAR(100) NOT NULL,
    file_id     BIGINT,
    file_name   VARCHAR(500),
    line        BIGINT,
    action      VARCHAR(20) NOT NULL,
    old_status  VARCHAR(50),
    new_status  VARCHAR(50),
    changes     VARCHAR(4000),
    PRIMARY KEY (deal_id, seq)
);

-- Rejected records: file, line, codes (the reject file holds the record itself for the reviewer).
CREATE TABLE reject (
    file_id  BIGINT NOT NULL,
    line     BIGINT NOT NULL,
    codes    VARCHAR(1000) NOT NULL,
    PRIMARY KEY (file_id, line)
);

-- Notification outbox, written in the same transaction as the status change; one per deal and event.
CREATE TABLE notification (
    deal_id       BIGINT NOT NULL,
    event         VARCHAR(20) NOT NULL,
    referral_id   VARCHAR(100),
    crm_id        VARCHAR(200),
    partner_id    VARCHAR(100) NOT NULL,
    recipient     VARCHAR(100) NOT NULL,
    reason_code   VARCHAR(20),
    as_of         DATE NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    delivered_at  TIMESTAMP,
    PRIMARY KEY (deal_id, event)
);

-- Singleton work (the expiry sweep) across instances: a row lock on this table.
CREATE TABLE engine_lock (
    name  VARCHAR(50) PRIMARY KEY,
    held_by VARCHAR(200),
    held_at TIMESTAMP
);
INSERT INTO engine_lock (name) VALUES ('sweep');
