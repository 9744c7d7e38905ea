-- Issue 12, admin console.
-- Users search: a name prefix is a range on this index (the email prefix uses the unique email_key).
CREATE INDEX account_by_name ON account (display_name);
-- Counting admins (removing one must leave at least one) reads only the granted rows.
CREATE INDEX account_by_admin ON account (admin_granted, disabled);
-- Console figures: attempts started in a time range, and the pass rate of scored tests per
-- certification, are range reads on this index alone (no table rows).
CREATE INDEX attempt_figures ON attempt (started_at, mode, certification_id, passed);
-- One row that every change of who is admin or disabled locks first (SELECT ... FOR UPDATE), so
-- two admins removing each other at once are serialised and the second sees the first's change.
CREATE TABLE admin_role_lock (
    id TINYINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT INTO admin_role_lock (id) VALUES (1);
