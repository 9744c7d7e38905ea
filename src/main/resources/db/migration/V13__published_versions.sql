-- A version that has ever been live (its question PUBLISHED while it was current) may have been
-- shown in an attempt, so it is never edited in place again, even if the question goes back to
-- DRAFT: the edit makes a new version. NULL = never published, still editable in place.
ALTER TABLE question_version ADD COLUMN published_at TIMESTAMP(6) NULL;

-- Existing data: every version of a question that is not a draft, every superseded version (a new
-- version is only made for a question that is not a draft), and every version an attempt holds.
UPDATE question_version v JOIN question q ON q.id = v.question_id
SET v.published_at = v.created_at
WHERE q.status <> 'DRAFT' OR v.id <> q.current_version_id;

UPDATE question_version SET published_at = created_at
WHERE published_at IS NULL AND id IN (SELECT version_id FROM attempt_question);
