DROP TABLE practice_adoptions;
DROP TABLE practice_endorsements;
DROP TABLE practice_comments;
DROP TABLE practice_revisions;
DROP TABLE practice_terms;
DROP TABLE practices;
DROP FUNCTION practice_uuid_array(jsonb);
DROP FUNCTION practice_ts_config(text);
-- pg_trgm stays: other objects may use it, and dropping an extension needs more rights.
