-- How a version's texts are written (PLAIN, MARKDOWN or HTML), so each is rendered as authored.
-- Every existing version was written (or imported) as Markdown, the seed bank too.
ALTER TABLE question_version ADD COLUMN text_format VARCHAR(10) NOT NULL DEFAULT 'MARKDOWN';
