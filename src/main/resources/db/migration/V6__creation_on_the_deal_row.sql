-- A deal's creation is recorded on its own row instead of a history row of its own (issue 8): on the first night
-- every record is a creation, and the separate row cost a sixth of the writer thread (an insert into a second
-- table and its primary key index). The change rows move to deal_change; deal_history stays what it always was,
-- now a view: every change row, plus the creation row worked out from the deal. Deals created before this
-- migration keep their creation as a change row (their created_action is NULL).
ALTER TABLE deal_history RENAME TO deal_change;

ALTER TABLE deal ADD COLUMN created_at TIMESTAMP;
ALTER TABLE deal ADD COLUMN created_file_id BIGINT;
ALTER TABLE deal ADD COLUMN created_line BIGINT;
ALTER TABLE deal ADD COLUMN created_action VARCHAR(20);
ALTER TABLE deal ADD COLUMN created_status VARCHAR(50);

-- the run and the file's name come from the file's row: the same for every deal the file created
CREATE VIEW deal_history AS
    SELECT deal_id, seq, changed_at, as_of, run_id, file_id, file_name, line, action, old_status, new_status, changes
    FROM deal_change
    UNION ALL
    SELECT d.id, CAST(1 AS BIGINT), d.created_at, d.stored_on, f.run_id, d.created_file_id,
           CASE WHEN f.source = '' THEN f.name ELSE f.source || '/' || f.name END,
           d.created_line, d.created_action, '', d.created_status, ''
    FROM deal d LEFT JOIN ingested_file f ON f.id = d.created_file_id
    WHERE d.created_action IS NOT NULL;
