-- Seats are read from `event_registrations` again.
DELETE FROM room_participants p
USING rooms r
WHERE r.id = p.room_id AND r.access = 'event';
