ALTER TABLE refresh_tokens DROP COLUMN session_started_at;
