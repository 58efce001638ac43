-- Minutes keep every revision, and writers name the version they edited: a co-moderator's
-- stale write is refused instead of replacing what another wrote.
ALTER TABLE event_minutes ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE TABLE event_minutes_revisions (
    event_id   uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    version    integer NOT NULL CHECK (version >= 1),
    markdown   text NOT NULL,
    -- `written` (PUT) or `from_room` (filled from the room's record).
    source     text NOT NULL CHECK (source IN ('written', 'from_room')),
    author_id  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, version)
);

-- Minutes written before this migration become their first revision.
INSERT INTO event_minutes_revisions (event_id, version, markdown, source, author_id, created_at)
SELECT event_id, 1, markdown, 'written', updated_by, updated_at FROM event_minutes;
