-- Partner Center hand-off ledger (issue 14). Portable SQL: HSQLDB and PostgreSQL.
--
-- One row per deal version the hand-off has dealt with: written to an upload file ('writing' until the
-- file stands under its final name, then 'sent'), held back with a reason ('held'), or answered by
-- Partner Center's processed file ('accepted', 'refused' with its messages). A deal is handed off again
-- only when its version is above the highest one here.

-- The upload files: 'writing' while the file is written under a temporary name, 'written' once it was
-- renamed into place. A run that finds a 'writing' row after a crash completes or drops it (HandoffLedger).
CREATE SEQUENCE handoff_file_id START WITH 1;
CREATE TABLE handoff_file (
    id            BIGINT PRIMARY KEY,
    name          VARCHAR(500) NOT NULL,
    path          VARCHAR(2000) NOT NULL,
    status        VARCHAR(20) NOT NULL,
    run_id        VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    row_count     INTEGER NOT NULL
);
CREATE INDEX handoff_file_by_status ON handoff_file (status);

CREATE TABLE handoff (
    deal_id       BIGINT NOT NULL,
    version       INTEGER NOT NULL,
    status        VARCHAR(20) NOT NULL,
    file_id       BIGINT,
    row_no        INTEGER,
    -- the deal's keys as handed off: how Partner Center's processed file is matched back
    referral_id   VARCHAR(100),
    crm_id        VARCHAR(200),
    partner_id    VARCHAR(100),
    -- why a version was held back, or REFERRAL_ID_STORED for the version the engine made by storing one
    reason        VARCHAR(100),
    run_id        VARCHAR(100) NOT NULL,
    handed_at     TIMESTAMP NOT NULL,
    answered_at   TIMESTAMP,
    answer_file   VARCHAR(500),
    messages      VARCHAR(4000),
    PRIMARY KEY (deal_id, version)
);
CREATE INDEX handoff_by_file ON handoff (file_id);
CREATE INDEX handoff_by_crm ON handoff (crm_id, partner_id);
CREATE INDEX handoff_by_referral ON handoff (referral_id);
CREATE INDEX handoff_by_run ON handoff (run_id, status);
