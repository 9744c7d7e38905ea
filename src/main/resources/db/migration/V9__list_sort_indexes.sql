-- The admin list sorts the whole bank by last update (its default) or difficulty; with these
-- indexes (InnoDB appends the primary key, so they read as (updated_at, id) and
-- (difficulty, id)) a page is an index walk, not a sort of every row.
CREATE INDEX question_by_updated ON question (updated_at);
CREATE INDEX question_by_difficulty ON question (difficulty);
