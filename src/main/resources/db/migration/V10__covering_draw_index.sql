-- Drawing questions reads a window of the draw index in random-key order. With difficulty and
-- the current version in the index, the draw never visits the table rows (which a random order
-- scatters over the whole table), so its cost stays flat as the bank grows.
DROP INDEX question_draw ON question;
CREATE INDEX question_draw ON question (domain_id, status, random_key, difficulty, current_version_id);
