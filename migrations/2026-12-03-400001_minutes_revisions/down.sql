-- The current minutes stay; their history and version go.
DROP TABLE event_minutes_revisions;
ALTER TABLE event_minutes DROP COLUMN version;
