-- One user action (a review saved, a claim accepted, an undo) groups the audit events it
-- wrote, so that it can be undone as a whole. Undoing appends an action; nothing is rewritten.
CREATE TABLE action (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    reviewer    TEXT NOT NULL,
    description TEXT NOT NULL,
    undoes      INTEGER UNIQUE REFERENCES action (id)
) STRICT;

ALTER TABLE audit_event ADD COLUMN action_id INTEGER REFERENCES action (id);
CREATE INDEX audit_by_action ON audit_event (action_id);

-- Settings the user makes once (the reviewer's name, the organisation).
CREATE TABLE preference (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TRIGGER action_no_update BEFORE UPDATE ON action
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is never rewritten');
END;
CREATE TRIGGER action_no_delete BEFORE DELETE ON action
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is never rewritten');
END;
