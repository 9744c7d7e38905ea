-- A stamp that changes with every change to a candidate's progress: a new random number written in
-- the transaction that records an attempt. An instance keeps a candidate's dashboard and tells
-- with the one primary-key read it makes anyway (the totals) whether it is still current, also
-- after another instance recorded an attempt or an admin rebuilt progress.
ALTER TABLE progress_account ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
