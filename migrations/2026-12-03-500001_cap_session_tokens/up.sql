-- Tokens issued before sessions had an absolute lifetime may outlive it; cap them at the
-- default lifetime (`LIVINGLAB_SESSION_LIFETIME_DAYS`, 90 days):
-- a deployment with a shorter setting is capped again by `refresh` (which checks the
-- session's end) and by open sockets (which close at the end of their session).
UPDATE refresh_tokens
SET expires_at = session_started_at + interval '90 days'
WHERE expires_at > session_started_at + interval '90 days';
