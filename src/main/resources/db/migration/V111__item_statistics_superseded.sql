-- Issue 14 (data at scale): the statistics list puts each question's current version before its
-- older ones. Sorting on question.current_version_id joined every one of 80,000 rows (0.3 s);
-- the flag is kept on the row instead: set when the statistics are written, and when an edit
-- makes a new version current (bank's QuestionBank.update, in the edit's transaction).
ALTER TABLE item_statistics ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE item_statistics s JOIN question q ON q.id = s.question_id
SET s.superseded = (q.current_version_id <> s.version_id);
