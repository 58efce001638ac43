DROP TABLE room_events;
DROP TABLE room_participants;
DROP TABLE room_moderators;
DROP TABLE rooms;
