-- The admin list of recent attempts reads the newest first.
CREATE INDEX attempt_by_start ON attempt (started_at);
