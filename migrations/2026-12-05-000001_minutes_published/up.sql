-- Minutes are kept private to the event's moderators until one of them publishes them;
-- later edits keep the published state, so the published page always shows the latest text.
ALTER TABLE event_minutes
    ADD COLUMN published_at timestamptz,
    ADD COLUMN published_by uuid REFERENCES users (id) ON DELETE SET NULL;
