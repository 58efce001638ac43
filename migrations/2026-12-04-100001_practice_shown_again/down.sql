ALTER TABLE practices
    DROP COLUMN shown_at,
    DROP COLUMN shown_reason,
    DROP COLUMN shown_by;
