-- Issue 14 (data at scale): two indexes that a wider index already serves. Every start of an attempt
-- writes 30 attempt_question rows, and each secondary index is one more random B-tree leaf to
-- read and dirty per row; at 3.5 million rows the two question_id indexes were 300 of its 450 MB.
-- attempt_question_graded (question_id, correct) answers every lookup by question_id alone.
DROP INDEX attempt_question_by_question ON attempt_question;
-- attempt_figures (started_at, mode, certification_id, passed) answers every range or sort on
-- started_at alone (the admin list of recent attempts).
DROP INDEX attempt_by_start ON attempt;
