-- An optional diagram per version: the key of a content-addressed file in the image store.
ALTER TABLE question_version ADD COLUMN image_key VARCHAR(80) NULL;
