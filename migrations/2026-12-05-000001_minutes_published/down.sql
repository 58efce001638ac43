ALTER TABLE event_minutes
    DROP COLUMN published_at,
    DROP COLUMN published_by;
