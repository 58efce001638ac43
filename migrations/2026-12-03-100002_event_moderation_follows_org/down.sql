INSERT INTO room_moderators (room_id, user_id, created_at)
SELECT e.room_id, e.created_by, e.created_at
FROM events e
WHERE e.organization_id IS NOT NULL AND e.created_by IS NOT NULL
ON CONFLICT DO NOTHING;
