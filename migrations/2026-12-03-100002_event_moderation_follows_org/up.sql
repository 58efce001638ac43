-- The owners and editors of an event's organization moderate its room by their role
-- (the rule is in rooms' access condition), so the creator's own moderator row would
-- outlive their membership. It goes; moderators added by hand stay.
DELETE FROM room_moderators m
USING events e
WHERE e.room_id = m.room_id
  AND e.organization_id IS NOT NULL
  AND e.created_by = m.user_id;
