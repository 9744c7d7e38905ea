-- Every admin action (who, what, when), appended by AdminAudit and read on /admin/audit.
-- actor: the admin's login (email key) at the time; target: what was acted on ("account 42",
-- "review 7", "question 12"); detail: the reason or the change, in a sentence.
CREATE TABLE admin_audit (
    id      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    at      DATETIME(6)   NOT NULL,
    actor   VARCHAR(320)  NOT NULL,
    action  VARCHAR(60)   NOT NULL,
    target  VARCHAR(200)  NOT NULL,
    detail  VARCHAR(1000) NULL,
    KEY ix_admin_audit_at (at)
);
