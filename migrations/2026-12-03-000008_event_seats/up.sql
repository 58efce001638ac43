-- The rooms of workshop events admit their registered participants. Until now `rooms`
-- read `event_registrations` to know who that is; from here on, events keeps one
-- `room_participants` row per seat, in the same transaction as the registration, and
-- rooms has one access rule over its own tables.

-- Participant rows on event rooms had no effect until now; they must not start to.
DELETE FROM room_participants p
USING rooms r
WHERE r.id = p.room_id AND r.access = 'event';

INSERT INTO room_participants (room_id, user_id, created_at)
SELECT e.room_id, reg.user_id, coalesce(reg.registered_at, reg.created_at)
FROM event_registrations reg
JOIN events e ON e.id = reg.event_id
WHERE reg.status = 'registered'
ON CONFLICT DO NOTHING;
